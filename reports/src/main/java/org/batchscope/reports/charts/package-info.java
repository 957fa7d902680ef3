/**
 * Chart factories, one class per chart kind, fed with engine-neutral records (curves, points,
 * traces) rather than analyzer classes: {@link org.batchscope.reports.charts.SeedPictureChart}
 * (chart 1), {@link org.batchscope.reports.charts.MetricByBatchSizeChart} (chart 2) and
 * {@link org.batchscope.reports.charts.MinibatchLossChart} (chart 6). Each returns a
 * {@link org.batchscope.reports.render.Figure} ready for PNG and PDF export.
 */
package org.batchscope.reports.charts;
