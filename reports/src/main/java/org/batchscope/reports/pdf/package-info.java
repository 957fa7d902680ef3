/**
 * The PDF report (PDFBox 3): {@link org.batchscope.reports.pdf.PdfReport} assembles a title page,
 * headings, wrapped text, tables ({@link org.batchscope.reports.pdf.ReportTable}), formula lines and
 * vector figures with captions, laid out over as many pages as needed, and writes the file
 * atomically. Text uses the standard 14 fonts, so nothing has to be installed and all text is
 * searchable.
 */
package org.batchscope.reports.pdf;
