package org.batchscope.reports.charts;

import java.util.List;

/**
 * One heatmap: a quantity over a grid of batch sizes (columns) x noise ratios (rows).
 *
 * @param quantity the quantity, for example {@code "amplitude (mean over seeds)"}, the panel title
 * @param unit     its unit, for the colour scale, for example {@code "fraction"}
 * @param columns  the column labels, left to right (batch sizes, ascending)
 * @param rows     the row labels, bottom to top (ratios, ascending)
 * @param values   values[row][column]; NaN where the cell has no value (drawn grey, printed "n/a")
 * @param decimals decimals of the value printed in each cell
 */
public record HeatmapPanel(String quantity, String unit, List<String> columns, List<String> rows, double[][] values,
        int decimals) {

    public HeatmapPanel {
        if (columns.isEmpty() || rows.isEmpty()) {
            throw new IllegalArgumentException(quantity + ": a heatmap needs at least one row and one column");
        }
        if (values.length != rows.size()) {
            throw new IllegalArgumentException(quantity + ": " + values.length + " value rows for " + rows.size() + " rows");
        }
        for (double[] row : values) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(quantity + ": a value row has " + row.length + " values for "
                        + columns.size() + " columns");
            }
        }
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        values = java.util.Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }

    /** @return the value at (row, column) */
    public double value(int row, int column) {
        return values[row][column];
    }
}
