package org.batchscope.reports.charts;

import java.util.List;

/**
 * One panel of chart 7: the gradient noise scale of one dataset over training.
 *
 * @param label         the panel title, for example {@code "r = 3"}
 * @param series        one line per batch size: x = epoch, y = B_simple (examples, > 0)
 * @param batchSizes    the batch sizes tried, drawn as labelled horizontal lines
 * @param criticalBatch the critical batch size (the dataset's median B_simple), NaN when unknown
 */
public record NoiseScalePanel(String label, List<MetricSeries> series, List<Integer> batchSizes, double criticalBatch) {

    public NoiseScalePanel {
        series = List.copyOf(series);
        batchSizes = List.copyOf(batchSizes);
    }
}
