package org.batchscope.reports.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.sweep.BatchSize;
import org.batchscope.analyzer.sweep.LrScaling;
import org.batchscope.analyzer.sweep.ProgressReporter;
import org.batchscope.analyzer.sweep.RunMetrics;
import org.batchscope.analyzer.sweep.Sweep;
import org.batchscope.analyzer.sweep.SweepDataset;
import org.batchscope.analyzer.sweep.SweepSpec;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.reports.charts.HeatmapChart;
import org.batchscope.reports.render.PanelGrid;
import org.batchscope.reports.render.PngExport;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.ResultsReader;
import org.batchscope.reports.results.SweepResults;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.batchscope.reports.html.HtmlReportBrowserTest;
import org.junit.jupiter.api.io.TempDir;

/** A real, tiny sweep (MLP, two noise ratios, batch sizes 4 and 16, two seeds), read back and reported. */
class SweepReportTest {

    @TempDir
    static Path dir;

    static Path results;

    /** A toy table: x0 = +-1 carries the class, x1, x2 are Gaussian noise of standard deviation r. */
    private static SweepDataset dataset(double ratio) {
        Random random = new Random(7);
        TensorData train = split(120, ratio, random);
        TensorData val = split(40, ratio, random);
        LoadedDataset data = new LoadedDataset(LoadedDataset.TABULAR, "toy-r" + ratio,
                (ratio < 2 ? "ab" : "cd").repeat(32), List.of("0", "1"), train, val, null, Map.of(), List.of(),
                ratio, null);
        return new SweepDataset(data, ratio, LoadOptions.defaults());
    }

    private static TensorData split(int n, double ratio, Random random) {
        float[] x = new float[n * 3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x[3 * i] = y[i] == 0 ? 1 : -1;
            x[3 * i + 1] = (float) (ratio * random.nextGaussian());
            x[3 * i + 2] = (float) (ratio * random.nextGaussian());
        }
        return new TensorData(x, y, new int[] {3}, 2);
    }

    @BeforeAll
    static void sweep() {
        results = dir.resolve("results");
        SweepSpec spec = new SweepSpec("mlp", "lean", List.of(BatchSize.of(16), BatchSize.of(4)), 2, 3, null, List.of(0.1),
                LrScaling.FIXED, 32, Budget.Kind.EPOCHS, OptimizerSpec.Kind.SGD, 0, List.of(8), 4, null, 4, null, 16, 2,
                null);
        Sweep.run(spec, List.of(dataset(1), dataset(4)), results, ProgressReporter.SILENT);
    }

    @Test
    void readerGivesTheSummaryCellsAndRuns() throws Exception {
        SweepResults read = ResultsReader.read(results);
        assertThat(read.settings().batchSizes()).containsExactly(4, 16);
        assertThat(read.settings().engine()).isEqualTo("lean");
        assertThat(read.ratios()).containsExactly(1.0, 4.0);
        assertThat(read.cells()).extracting(ResultCell::batchSize).containsExactly(4, 16, 4, 16);
        assertThat(read.runs()).hasSize(8);
        assertThat(read.groups()).extracting(SweepResults.CellGroup::label).containsExactly("r = 1", "r = 4");
        JsonNode summary = Json.mapper().readTree(results.resolve("summary.json").toFile());
        for (JsonNode row : summary.path("cells")) {
            ResultCell cell = read.cells().stream().filter(c -> c.batchSize() == row.path("batch_size").asInt()
                    && c.ratio() == row.path("ratio").asDouble()).findFirst().orElseThrow();
            assertThat(cell.mean(RunMetrics.FINAL_ACCURACY)).isEqualTo(row.path("final_accuracy_mean").asDouble());
            assertThat(cell.ciHigh(OscillationMetrics.AMPLITUDE)).isEqualTo(row.path("amplitude_ci_high").asDouble());
            // the cell's mean is the mean of its runs' final accuracies
            double mean = read.completedRuns(cell).stream().mapToDouble(r -> runMetric(r.hash(), "final_accuracy"))
                    .average().orElseThrow();
            assertThat(cell.mean(RunMetrics.FINAL_ACCURACY)).isCloseTo(mean, within(1e-12));
            assertThat(read.completedRuns(cell)).extracting(r -> r.seed()).containsExactly(0L, 1L);
        }
        assertThat(read.runs().get(0).stepLosses()).hasSize(3 * 120 / 4);
        assertThat(read.runs().get(0).probes()).isNotEmpty();
        assertThat(read.verdict()).isNotEmpty();
    }

    private static double runMetric(String hash, String metric) {
        return org.batchscope.analyzer.sweep.RunResult.read(results.resolve("runs").resolve(hash + ".json")).metrics()
                .get(metric);
    }

    @Test
    void badFoldersAreOneLineNamingTheFile() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ResultsReader.read(dir.resolve("missing"))).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("missing") + ": no such results folder");
        assertThatThrownBy(() -> ResultsReader.read(empty)).isInstanceOf(BadInputException.class)
                .hasMessage(empty + ": no summary.json; run batchscope analyze first");
        Files.writeString(empty.resolve("summary.json"), "{\"cells\": [");
        assertThatThrownBy(() -> ResultsReader.read(empty)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(empty.resolve("summary.json") + ": not valid JSON (line 1)");
        Files.writeString(empty.resolve("summary.json"), "{\"schema_version\": 2, \"cells\": []}");
        assertThatThrownBy(() -> ResultsReader.read(empty)).isInstanceOf(BadInputException.class)
                .hasMessage(empty.resolve("summary.json") + ": field 'sweep' is missing; is this an analyzer results folder?");
        Files.writeString(empty.resolve("summary.json"), "{\"cells\": []}");
        assertThatThrownBy(() -> ResultsReader.read(empty)).isInstanceOf(BadInputException.class)
                .hasMessage(empty.resolve("summary.json") + ": schema_version 1 was written by an older batchscope (this"
                        + " one reads 2); rerun batchscope analyze on the same folder to refresh it");
        Files.writeString(empty.resolve("summary.json"), "{\"schema_version\": 3, \"cells\": []}");
        assertThatThrownBy(() -> ResultsReader.read(empty)).isInstanceOf(BadInputException.class)
                .hasMessage(empty.resolve("summary.json") + ": schema_version 3 is newer than batchscope "
                        + org.batchscope.common.ToolVersion.version() + " reads (2); use the batchscope that wrote it"
                        + " or a newer one");
    }

    @Test
    void heatmapCellsHoldTheSummaryMeans() {
        SweepResults read = ResultsReader.read(results);
        SectionOutcome outcome = new HeatmapSection().build(read);
        assertThat(outcome.figures()).hasSize(1);
        PanelGrid grid = (PanelGrid) outcome.figures().get(0).figure().drawing();
        JFreeChart amplitude = grid.panels().get(0);
        XYZDataset cells = (XYZDataset) amplitude.getXYPlot().getDataset();
        List<String> printed = new ArrayList<>();
        for (Object a : amplitude.getXYPlot().getAnnotations()) {
            printed.add(((XYTextAnnotation) a).getText());
        }
        List<Integer> batchSizes = read.settings().batchSizes();
        for (int i = 0; i < cells.getItemCount(0); i++) {
            int b = batchSizes.get((int) cells.getXValue(0, i));
            double r = read.ratios().get((int) cells.getYValue(0, i));
            ResultCell cell = read.cells().stream().filter(c -> c.batchSize() == b && c.ratio() == r).findFirst()
                    .orElseThrow();
            assertThat(cells.getZValue(0, i)).isEqualTo(cell.mean(OscillationMetrics.AMPLITUDE));
            assertThat(printed.get(i)).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f",
                    cell.mean(OscillationMetrics.AMPLITUDE)));
        }
        assertThat(PngExport.render(outcome.figures().get(0).figure()).getWidth()).isEqualTo(2 * 1100);
        assertThat(outcome.figures().get(0).figure().name()).isEqualTo(HeatmapChart.NAME);
    }

    @Test
    void sectionsWithoutDataSaySo() {
        SweepResults read = ResultsReader.read(results);
        // a table sweep: no contact sheet; reliance from permutation drops is absent for user tables
        assertThat(new ContactSheetSection().build(read).skipped()).startsWith("No contact sheet");
        SweepResults oneRatio = new SweepResults(read.folder(), read.settings(), read.datasets().subList(0, 1),
                read.cells().subList(0, 2), List.of(), read.verdict(), read.runs().subList(0, 4));
        assertThat(new HeatmapSection().build(oneRatio).skipped()).startsWith("No heatmaps: the sweep has 1 noise ratio;");
        assertThat(new RobustnessSection().build(oneRatio).skipped()).startsWith("No robustness curves");
        assertThat(new SeedPictureSection(CurveAxis.EPOCHS).build(oneRatio).figures()).hasSize(1);
    }

    @Test
    void pdfHasTheSummaryNumbersChartTitlesAndSkipNotes() throws Exception {
        SweepResults read = ResultsReader.read(results);
        Path out = dir.resolve("report");
        List<Path> written = SweepReport.write(read, out);
        assertThat(written.subList(written.size() - 2, written.size()))
                .containsExactly(out.resolve("report.pdf"), out.resolve("report.html"));
        assertThat(written.stream().map(p -> p.getFileName().toString()).toList()).contains("seed-picture-1.png",
                "seed-picture-2.png", "oscillation-metrics.png", "heatmaps.png", "noise-robustness.png",
                "minibatch-loss-1.png", "gradient-noise-scale.png");
        int figures = written.size() - 2;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            // one landscape page per figure; portrait: title, verdict + table (1 or 2 pages: the verdict's
            // per-cell states and comparisons can push the table onto its own page), charts not drawn, and
            // the appendix (the metric registry's terms and metrics, 4 to 6 pages)
            int landscape = 0;
            for (var page : pdf.getPages()) {
                landscape += page.getMediaBox().getWidth() > page.getMediaBox().getHeight() ? 1 : 0;
            }
            assertThat(landscape).isEqualTo(figures);
            assertThat(pdf.getNumberOfPages() - landscape).isBetween(7, 10);
            String text = new PDFTextStripper().getText(pdf);
            for (ResultCell cell : read.cells()) {
                assertThat(text).contains(SummaryTable.finalAccuracy(cell));
            }
            assertThat(text).contains("batchscope report", "batch sizes", "4, 16", "lean", "Verdict",
                    "Training curves per batch size, r = 1", "Oscillation of validation accuracy against batch size",
                    "Oscillation and accuracy over batch size and noise ratio", "Final accuracy against noise ratio",
                    "Gradient noise scale over training", "Charts not drawn", "The dataset: No contact sheet", "Appendix: metric definitions");
        }
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<h2>Verdict</h2>", "<table class=\"sortable\">", "Charts not drawn");
        for (ResultCell cell : read.cells()) {
            assertThat(html).contains(SummaryTable.finalAccuracy(cell));
        }
        HtmlReportBrowserTest.assertRendersInChromium(out.resolve("report.html"), figures, summaryColumn());
    }

    /** @return the summary table's reversal column (plain numbers), to sort by in the browser check */
    private static int summaryColumn() {
        return SummaryTable.of(ResultsReader.read(results)).header().indexOf("reversal");
    }
}
