package org.batchscope.reports.charts;

import java.util.List;

/**
 * The data of chart 5: reliance metrics per cell.
 *
 * @param metrics the metrics (bar colours), for example {@code feature_reliance}
 * @param cells   the cell labels (bar groups), for example {@code "B=8 r=3"}
 * @param means   means[metric][cell] over the cell's seeds; NaN where a cell lacks the metric
 * @param lows    the lowest seed's value in the same layout, NaN where there is no range (fewer than two seeds;
 *                drawn without a whisker)
 * @param highs   the highest seed's value in the same layout, NaN where {@code lows} is
 * @param chance  a reference accuracy drawn as a dashed line (chance, for bg_only_accuracy), or NaN
 */
public record ReliancePanel(List<String> metrics, List<String> cells, double[][] means, double[][] lows,
        double[][] highs, double chance) {

    public ReliancePanel {
        if (metrics.isEmpty() || cells.isEmpty() || means.length != metrics.size() || lows.length != metrics.size()
                || highs.length != metrics.size()) {
            throw new IllegalArgumentException(
                    "reliance chart: need a row of means, lows and highs per metric, at least one cell");
        }
        metrics = List.copyOf(metrics);
        cells = List.copyOf(cells);
    }
}
