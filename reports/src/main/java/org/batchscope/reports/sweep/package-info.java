/**
 * {@code batchscope report}: the report over an analyzer results folder. {@link
 * org.batchscope.reports.sweep.SweepReport} lays out the title page, the verdict, the summary table
 * per cell ({@link org.batchscope.reports.sweep.SummaryTable}), one chapter per
 * {@link org.batchscope.reports.sweep.ReportSection} and the metric glossary, and writes
 * {@code report.pdf} plus one PNG per chart. Each chart is one independent section
 * ({@link org.batchscope.reports.sweep.ReportSections#standard()} lists them in report order): a new
 * chart is a new section class and one line in that list. A section whose data are absent says why
 * in one line of the PDF instead of drawing empty axes.
 */
package org.batchscope.reports.sweep;
