package org.batchscope.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.ToolVersion;
import org.batchscope.reports.render.Figure;

/**
 * A multi-page PDF report, assembled in reading order and written in one go: a title page with the
 * facts of the run (dataset, spec, model, grid, tool version, date), then headings, wrapped
 * paragraphs, tables, figures (each on a landscape page with its caption, drawn as vector graphics)
 * and monospaced formula lines. Every page gets a footer with the title and the page number. The
 * file is written atomically: a reader never sees half a PDF.
 *
 * <pre>
 *   PdfReport.titled("batchscope diagnose").fact("logs", "3").heading("Verdict").paragraph("...")
 *            .table(table).figure(figure, "How to read it").write(out.resolve("diagnose.pdf"));
 * </pre>
 */
public final class PdfReport {

    private static final Color HEADING = new Color(0x1F3A5F);

    private final String title;
    private final Map<String, String> facts = new LinkedHashMap<>();
    private final List<Consumer<PageFlow>> blocks = new ArrayList<>();
    private int figures;

    private PdfReport(String title) {
        this.title = title;
    }

    /** @return an empty report whose title page and footers show {@code title} */
    public static PdfReport titled(String title) {
        return new PdfReport(title);
    }

    /** Adds a line {@code name: value} to the title page (in the order added). */
    public PdfReport fact(String name, String value) {
        facts.put(name, value);
        return this;
    }

    /** Adds a section heading; {@code newPage} starts it on a fresh page. */
    public PdfReport heading(String text, boolean newPage) {
        blocks.add(flow -> {
            if (newPage) {
                flow.newPage(PageFlow.PORTRAIT);
            } else {
                flow.ensure(60);
                flow.moveDown(10);
            }
            flow.text(text, flow.bold, 15, 0, HEADING);
            flow.moveDown(4);
            flow.rule(HEADING, 0.8f);
            flow.moveDown(6);
        });
        return this;
    }

    /** Adds a paragraph of body text, wrapped to the page width ({@code \n} starts a new line). */
    public PdfReport paragraph(String text) {
        blocks.add(flow -> {
            flow.text(text, flow.regular, PageFlow.BODY_SIZE, 0, Color.BLACK);
            flow.moveDown(PageFlow.BODY_SIZE * 0.6f);
        });
        return this;
    }

    /** Adds a formula or other preformatted line in Courier, indented. */
    public PdfReport formula(String text) {
        blocks.add(flow -> flow.text(text, flow.mono, PageFlow.BODY_SIZE - 1, 14, Color.BLACK));
        return this;
    }

    /** Adds a table. */
    public PdfReport table(ReportTable table) {
        blocks.add(flow -> TableWriter.write(flow, table));
        return this;
    }

    /** Adds a figure on its own landscape page, numbered "Figure n.", with its caption under it. */
    public PdfReport figure(Figure figure, String caption) {
        String label = "Figure " + (++figures) + ".";
        blocks.add(flow -> flow.figurePage(figure, label, caption));
        return this;
    }

    /** Lays the report out and writes it to {@code target} atomically. */
    public void write(Path target) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator(ToolVersion.toolString());
            try (PageFlow flow = new PageFlow(document)) {
                titlePage(flow);
                blocks.forEach(block -> block.accept(flow));
                flow.footers(title + "  -  " + ToolVersion.toolString());
            }
            AtomicFiles.write(target, document::save);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private void titlePage(PageFlow flow) {
        flow.newPage(PageFlow.PORTRAIT);
        flow.moveDown(120);
        flow.text(title, flow.bold, 26, 0, HEADING);
        flow.moveDown(14);
        flow.rule(HEADING, 1.2f);
        flow.moveDown(24);
        float nameWidth = 0;
        for (String name : facts.keySet()) {
            nameWidth = Math.max(nameWidth, PdfText.width(PdfText.printable(name, flow.bold), flow.bold, 12));
        }
        float indent = Math.min(nameWidth + 16, 180);
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            float top = flow.cursor();
            flow.text(fact.getValue(), flow.regular, 12, indent, Color.BLACK);
            flow.showText(PdfText.printable(fact.getKey(), flow.bold), flow.bold, 12, PageFlow.MARGIN,
                    top - 12 * PageFlow.LEADING + 12 * 0.25f, Color.BLACK);
            flow.moveDown(4);
        }
    }
}
