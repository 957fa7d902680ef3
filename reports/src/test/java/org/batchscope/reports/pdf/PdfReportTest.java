package org.batchscope.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.batchscope.reports.charts.SampleFigures;
import org.junit.jupiter.api.Test;

/** Writes a report with every kind of block and reads it back with PDFBox. */
class PdfReportTest {

    static final Path OUT = Path.of("target", "test-figures");

    @Test
    void reportHasTitleTableFiguresAndSearchableText() throws Exception {
        Path pdf = OUT.resolve("sample-report.pdf");
        PdfReport.titled("batchscope sample report")
                .fact("dataset", "dogs-eyes, r = 2.0 (achieved 1.97)")
                .fact("date", "2026-01-01")
                .heading("Verdict", true)
                .paragraph("Batch size 8 oscillates 5.2 times as much as batch size 64 at r = 4. ".repeat(6))
                .table(new ReportTable(List.of("batch_size", "ratio", "amplitude_mean"),
                        List.of(List.of("8", "4.0", "0.0412"), List.of("64", "4.0", "0.0079"))))
                .figure(SampleFigures.seedPicture(), "Each panel is one batch size.")
                .figure(SampleFigures.metrics(), "Whiskers are 95% bootstrap intervals.")
                .figure(SampleFigures.minibatchLoss(), "Triangles mark loss spikes.")
                .heading("Appendix: metric formulas", true)
                .formula("amplitude = sqrt( sum_t (w_t - mean w)^2 / (n - 1) )")
                .write(pdf);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // title page, verdict+table page, three landscape figure pages, appendix
            assertThat(document.getNumberOfPages()).isEqualTo(6);
            assertThat(document.getPage(2).getMediaBox().getWidth()).isGreaterThan(document.getPage(2).getMediaBox().getHeight());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("batchscope sample report", "dogs-eyes, r = 2.0 (achieved 1.97)",
                    "Verdict", "amplitude_mean", "0.0412", "0.0079", "Figure 1. Each panel is one batch size.",
                    "Figure 3. Triangles mark loss spikes.", "amplitude = sqrt(", "page 6 of 6");
            // chart text is real text, not outlines
            assertThat(text).contains("Seed picture", "batch size 64",
                    "Oscillation metrics against batch size", "reversal_rate", "Minibatch loss per step",
                    "step (minibatch)", "1 2 4 8 16 32 64");
            // y axis titles are rotated text, which the stripper cuts into short lines
            assertThat(text.replace("\n", "")).contains("val. accuracy (fraction)", "val. loss (nats)",
                    "minibatch loss (nats)", "amplitude (fraction)");
        }
        assertThat(Files.list(OUT).noneMatch(p -> p.getFileName().toString().contains(".tmp-"))).isTrue();
    }

    @Test
    void charactersOutsideWinAnsiAreSpelledOrReplaced() {
        PageFlow flow = new PageFlow(new PDDocument());
        assertThat(PdfText.printable("r \u2265 2 \u2212 \u03b1 \u4e2d", flow.regular)).isEqualTo("r >= 2 - alpha ?");
        assertThat(PdfText.printable("caf\u00e9", flow.regular)).isEqualTo("caf\u00e9");
        assertThat(PdfText.printable("a\nb", flow.regular)).isEqualTo("a\nb");
    }

    @Test
    void aTableOfLongLabelsAndManyColumnsStaysInsideThePage() throws Exception {
        Path pdf = OUT.resolve("wide-table.pdf");
        List<String> header = new ArrayList<>(List.of("log", "series"));
        for (int c = 0; c < 12; c++) {
            header.add("metric_number_" + c + "_with_a_long_name");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            List<String> row = new ArrayList<>(List.of("run-" + r + "-resnet50_imagenet_lr0.1_bs" + (8 << (r % 6))
                    + "_warmup5_cosine_seed" + r, "validation/epoch_accuracy_top1_" + r));
            for (int c = 0; c < 12; c++) {
                row.add(String.format(java.util.Locale.ROOT, "%.4g", 1.0 / (r + c + 3)));
            }
            rows.add(row);
        }
        PdfReport.titled("wide").heading("Table", true).table(new ReportTable(header, rows)).write(pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<float[]> spans = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        spans.add(new float[] {p.getXDirAdj(), p.getXDirAdj() + p.getWidthDirAdj(), p.getPageWidth()});
                    }
                }
            };
            stripper.getText(document);
            assertThat(spans).isNotEmpty();
            for (float[] span : spans) {
                assertThat(span[0]).isGreaterThanOrEqualTo(PageFlow.MARGIN - 0.5f);
                assertThat(span[1]).isLessThanOrEqualTo(span[2] - PageFlow.MARGIN + 0.5f);
            }
            String text = new PDFTextStripper().getText(document).replace("\n", "");
            assertThat(text).contains("0.3333", "seed29", "with_a_long_name");
        }
    }

    @Test
    void wrapBreaksAtSpacesWithinTheWidth() {
        PageFlow flow = new PageFlow(new PDDocument());
        List<String> lines = PdfText.wrap("aaa bbb ccc", flow.regular, 10, PdfText.width("aaa bbb", flow.regular, 10));
        assertThat(lines).containsExactly("aaa bbb", "ccc");
    }
}
