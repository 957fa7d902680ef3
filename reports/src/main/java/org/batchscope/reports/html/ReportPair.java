package org.batchscope.reports.html;

import java.nio.file.Path;
import org.batchscope.reports.pdf.PdfReport;
import org.batchscope.reports.pdf.ReportTable;
import org.batchscope.reports.render.Figure;

/**
 * The PDF and the HTML report built from the same calls, so the two always say the same: every fact,
 * heading, paragraph, formula, table and figure goes to both. {@link #pdf()} gives the PDF alone for
 * what only it carries (the appendix of formulas).
 */
public final class ReportPair {

    private final PdfReport pdf;
    private final HtmlReport html;

    private ReportPair(String title) {
        this.pdf = PdfReport.titled(title);
        this.html = HtmlReport.titled(title);
    }

    /** @return an empty pair under {@code title} */
    public static ReportPair titled(String title) {
        return new ReportPair(title);
    }

    /** Adds a fact to both. */
    public ReportPair fact(String name, String value) {
        pdf.fact(name, value);
        html.fact(name, value);
        return this;
    }

    /** Adds a heading to both; {@code newPage} starts it on a fresh PDF page. */
    public ReportPair heading(String text, boolean newPage) {
        pdf.heading(text, newPage);
        html.heading(text);
        return this;
    }

    /** Adds a paragraph to both. */
    public ReportPair paragraph(String text) {
        pdf.paragraph(text);
        html.paragraph(text);
        return this;
    }

    /** Adds a preformatted line to both. */
    public ReportPair formula(String text) {
        pdf.formula(text);
        html.formula(text);
        return this;
    }

    /** Adds a table to both (sortable in the HTML). */
    public ReportPair table(ReportTable table) {
        pdf.table(table);
        html.table(table);
        return this;
    }

    /** Adds a figure to both: a vector page in the PDF, inline SVG in the HTML. */
    public ReportPair figure(Figure figure, String caption) {
        pdf.figure(figure, caption);
        html.figure(figure, caption);
        return this;
    }

    /** @return the PDF, for what only it carries */
    public PdfReport pdf() {
        return pdf;
    }

    /** Writes both files atomically. */
    public void write(Path pdfTarget, Path htmlTarget) {
        pdf.write(pdfTarget);
        html.write(htmlTarget);
    }
}
