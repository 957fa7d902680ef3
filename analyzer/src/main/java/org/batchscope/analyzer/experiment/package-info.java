/**
 * Experiments: the batch-size claims people repeat, each a preset sweep with control arms
 * ({@link org.batchscope.analyzer.experiment.Experiment}), run by
 * {@link org.batchscope.analyzer.experiment.ExperimentRunner} into one folder per arm, and judged by
 * written rules ({@link org.batchscope.analyzer.experiment.ClaimRule}) on effects with Student t
 * intervals ({@link org.batchscope.analyzer.experiment.Effect}) into holds, does not hold or inconclusive.
 */
package org.batchscope.analyzer.experiment;
