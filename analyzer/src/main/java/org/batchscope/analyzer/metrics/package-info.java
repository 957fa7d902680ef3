/**
 * Metrics of training curves, of seeds of a cell and of gradients: small pure functions over
 * arrays, each with its formula and units in its javadoc. Names, units and definitions are those of
 * the metric registry ({@link org.batchscope.common.MetricRegistry}); the snake_case names used in files
 * are constants of {@link org.batchscope.analyzer.metrics.OscillationMetrics}.
 *
 * <ul>
 *   <li>Per series (one run): {@link org.batchscope.analyzer.metrics.SeriesWindow} picks the window W,
 *       {@link org.batchscope.analyzer.metrics.SeriesMetrics} and
 *       {@link org.batchscope.analyzer.metrics.HighFrequencyShare} measure it,
 *       {@link org.batchscope.analyzer.metrics.OscillationMetrics} bundles them;
 *       {@link org.batchscope.analyzer.metrics.LossSpikes} and
 *       {@link org.batchscope.analyzer.metrics.Churn} look at steps and predictions.</li>
 *   <li>What a run did: {@link org.batchscope.analyzer.metrics.RunStateRule} assigns a
 *       {@link org.batchscope.analyzer.metrics.RunState}.</li>
 *   <li>Across the seeds of a cell: {@link org.batchscope.analyzer.metrics.SeedStatistics} (Student-t
 *       intervals), {@link org.batchscope.analyzer.metrics.VarianceSplit},
 *       {@link org.batchscope.analyzer.metrics.SeedComparison} (with the exact Mann-Whitney p-value).</li>
 *   <li>Across cells: {@link org.batchscope.analyzer.metrics.RankCorrelation} (Spearman's rho with a
 *       permutation p-value).</li>
 *   <li>Gradients: {@link org.batchscope.analyzer.metrics.GradientMoments} (a streaming accumulator),
 *       {@link org.batchscope.analyzer.metrics.GradientNoiseScale},
 *       {@link org.batchscope.analyzer.metrics.Gsnr},
 *       {@link org.batchscope.analyzer.metrics.CriticalBatchSize}.</li>
 *   <li>Noise robustness: {@link org.batchscope.analyzer.metrics.BreakdownRatio}.</li>
 * </ul>
 *
 * <p>Arguments are validated: an empty or too short series, a non-finite value or mismatched
 * lengths give an {@link java.lang.IllegalArgumentException} that names the argument.
 */
package org.batchscope.analyzer.metrics;
