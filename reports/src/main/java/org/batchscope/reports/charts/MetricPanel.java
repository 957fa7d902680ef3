package org.batchscope.reports.charts;

import java.util.List;

/**
 * One panel of the metric chart: one metric, all series.
 *
 * @param metric the metric's snake_case name, for example {@code amplitude}
 * @param unit   its unit, for example {@code "fraction"} or {@code "dimensionless"}; blank when unknown
 * @param series the lines; at least one
 */
public record MetricPanel(String metric, String unit, List<MetricSeries> series) {

    public MetricPanel {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("metric panel " + metric + " has no series");
        }
        series = List.copyOf(series);
    }

    /** @return the y axis label, {@code "metric (unit)"}, or the metric alone when the unit is unknown */
    public String axisLabel() {
        return unit.isBlank() ? metric : metric + " (" + unit + ")";
    }
}
