/**
 * The report of a batchscope experiment: claim, arms, effect chart, numbers, verdicts and rules
 * ({@link org.batchscope.reports.experiment.ExperimentReport}).
 */
package org.batchscope.reports.experiment;
