package org.batchscope.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricPointTest {

    @Test
    void anIntervalIsCutAtTheMetricsRangeAndTheMeanIsKept() {
        // a Student-t interval of three seeds of a small fraction: -0.015 .. 0.16
        assertThat(new MetricPoint(4, 0.07, -0.015, 0.16).within(0, 1)).isEqualTo(new MetricPoint(4, 0.07, 0, 0.16));
        assertThat(new MetricPoint(32, 0.89, 0.65, 1.13).within(0, 1)).isEqualTo(new MetricPoint(32, 0.89, 0.65, 1));
        assertThat(new MetricPoint(8, 0.5, 0.4, 0.6).within(0, 1)).isEqualTo(new MetricPoint(8, 0.5, 0.4, 0.6));
        // a point without an interval stays without one
        assertThat(MetricPoint.of(1, 0.3).within(0, 1).hasInterval()).isFalse();
    }
}
