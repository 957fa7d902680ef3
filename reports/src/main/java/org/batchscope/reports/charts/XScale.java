package org.batchscope.reports.charts;

import java.util.List;

/**
 * The x axis of the metric chart: either batch sizes on a log2 axis (ticks at 1, 2, 4, 8, ...), or
 * named positions 0, 1, 2, ... (labels of training logs whose batch size is unknown).
 *
 * @param label      the axis label
 * @param categories the names of positions 0..n-1, empty for the numeric log2 axis
 */
public record XScale(String label, List<String> categories) {

    public XScale {
        categories = List.copyOf(categories);
    }

    /** @return the log2 batch-size axis */
    public static XScale batchSizeLog2() {
        return new XScale("batch size (log2 scale)", List.of());
    }

    /** @return an axis of named positions, in order */
    public static XScale labels(String label, List<String> categories) {
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a labelled axis needs at least one label");
        }
        return new XScale(label, categories);
    }

    /** @return whether this is the numeric log2 axis */
    public boolean isLog2() {
        return categories.isEmpty();
    }
}
