package org.batchscope.reports.results;

/**
 * One row of {@code summary.json}'s {@code noise_robustness}: a batch size and learning rate across
 * noise ratios.
 *
 * @param batchSize      the batch size
 * @param lr             the base learning rate
 * @param chance         the datasets' mean chance accuracy, fraction
 * @param breakdownRatio the r where the mean final accuracy falls to chance + 0.05 or below
 *                       (interpolated in log r), or NaN when it never does
 */
public record Robustness(int batchSize, double lr, double chance, double breakdownRatio) {
}
