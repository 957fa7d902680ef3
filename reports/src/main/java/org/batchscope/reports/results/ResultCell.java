package org.batchscope.reports.results;

import java.util.Map;

/**
 * One row of {@code summary.json}'s {@code cells}: the runs of one dataset, learning rate and batch
 * size that differ only in seed, with the statistics of every metric over the completed seeds.
 *
 * @param dataset     the dataset's index in the sweep
 * @param ratio       the dataset's noise-to-feature ratio r, or null for a user's dataset
 * @param batchSize   the batch size B, examples per step
 * @param lr          the base learning rate (given for the reference batch size)
 * @param lrEffective the learning rate the runs used after scaling
 * @param seeds       completed seeds
 * @param diverged    seeds whose loss became NaN or infinite
 * @param failed      seeds that ended with an error
 * @param columns     every numeric column of the row by name ({@code amplitude_mean},
 *                    {@code final_accuracy_ci_low}, ...); absent values are left out
 */
public record ResultCell(int dataset, Double ratio, int batchSize, double lr, double lrEffective, int seeds,
        int diverged, int failed, Map<String, Double> columns) {

    public ResultCell {
        columns = Map.copyOf(columns);
    }

    /** @return column {@code name}, or NaN when the row lacks it */
    public double column(String name) {
        Double v = columns.get(name);
        return v == null ? Double.NaN : v;
    }

    /** @return the mean of {@code metric} over the completed seeds, or NaN */
    public double mean(String metric) {
        return column(metric + "_mean");
    }

    /** @return the sample standard deviation of {@code metric} over seeds, or NaN (one seed) */
    public double std(String metric) {
        return column(metric + "_std");
    }

    /** @return the lower end of the Student-t 95% interval of the mean, or NaN */
    public double ciLow(String metric) {
        return column(metric + "_ci_low");
    }

    /** @return the upper end of the 95% interval, or NaN */
    public double ciHigh(String metric) {
        return column(metric + "_ci_high");
    }

    /** @return whether some completed seed has {@code metric} */
    public boolean has(String metric) {
        return columns.containsKey(metric + "_mean");
    }
}
