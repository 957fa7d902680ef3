package org.batchscope.reports.charts;

import java.util.List;

/**
 * A line of a metric chart: for a sweep, one noise ratio across batch sizes.
 *
 * @param name   the legend label, for example {@code "r = 2.0"}
 * @param points the points, in x order
 */
public record MetricSeries(String name, List<MetricPoint> points) {

    public MetricSeries {
        points = List.copyOf(points);
    }
}
