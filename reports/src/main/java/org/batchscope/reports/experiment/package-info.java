/**
 * The report of a batchscope experiment, as PDF and HTML: claims table with the verdicts, numbers
 * and rules first, then the claim, arms, notes and effect chart ({@link org.batchscope.reports.experiment.ExperimentReport}).
 */
package org.batchscope.reports.experiment;
