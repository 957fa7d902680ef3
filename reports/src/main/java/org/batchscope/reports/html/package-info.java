/**
 * The self-contained HTML report ({@link org.batchscope.reports.html.HtmlReport}): one file with the
 * charts inlined as SVG, the verdict, the tables (sortable by clicking a header) and a stylesheet and
 * script of its own, needing no network access; and {@link org.batchscope.reports.html.ReportPair},
 * which builds the PDF and the HTML report from the same calls.
 */
package org.batchscope.reports.html;
