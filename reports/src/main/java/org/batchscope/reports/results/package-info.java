/**
 * The analyzer's results folder read back for the report: {@code summary.json} (sweep settings, one
 * row per cell, datasets, noise robustness, verdict) and {@code runs/*.json} (per-step losses,
 * evaluations, gradient probes) become immutable records ({@link org.batchscope.reports.results.SweepResults})
 * that the chart sections read. {@link org.batchscope.reports.results.ResultsReader} turns a missing or
 * malformed folder into one {@link org.batchscope.common.BadInputException} line naming the file.
 */
package org.batchscope.reports.results;
