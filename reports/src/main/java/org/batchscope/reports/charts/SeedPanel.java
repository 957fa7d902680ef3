package org.batchscope.reports.charts;

import java.util.List;

/**
 * One panel of the seed picture: a cell (or one training log) with its quantities stacked on a
 * shared x axis.
 *
 * @param label  the panel title, for example {@code "batch size 8"}
 * @param xLabel the x axis label with its unit, for example {@code "epoch"}
 * @param rows   the quantities, top to bottom (usually accuracy, then loss); at least one
 */
public record SeedPanel(String label, String xLabel, List<SeedCurves> rows) {

    public SeedPanel {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("panel " + label + " has no curves");
        }
        rows = List.copyOf(rows);
    }
}
