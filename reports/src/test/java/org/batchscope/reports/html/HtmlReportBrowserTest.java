package org.batchscope.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.diagnose.Diagnosis;
import org.batchscope.analyzer.diagnose.Labels;
import org.batchscope.analyzer.logs.LogReader;
import org.batchscope.reports.diagnose.DiagnosisReport;
import org.batchscope.reports.pdf.ReportTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnose report.html in a real headless Chromium ({@link HeadlessChromium}): it loads without a
 * console error or exception, makes no request but for its own file (and inline data: images), shows every chart as an SVG of
 * real size with drawing in it, and sorts its table by a clicked column. Skipped, saying so, only where
 * Chromium is not installed; .ci/run installs it so the check runs in CI. The same check for analyze's
 * report is in SweepReportTest.
 */
public class HtmlReportBrowserTest {

    private static final Path SAMPLES = Path.of("..", "samples", "logs");

    @TempDir
    Path out;

    @Test
    void diagnoseReportLoadsCleanlyShowsEveryChartAndSorts() throws Exception {
        Diagnosis diagnosis = Diagnosis.of(Labels.apply(LogReader.readAll(List.of(
                SAMPLES.resolve("lightning/with-test/metrics.csv"), SAMPLES.resolve("wandb/x-epoch.csv")),
                LogReader.Columns.NONE), List.of()), List.of());
        List<Path> written = DiagnosisReport.write(diagnosis, out);
        long charts = written.stream().filter(p -> p.toString().endsWith(".png")).count();
        assertThat(charts).isEqualTo(3);
        Path html = out.resolve(DiagnosisReport.HTML);
        assertThat(written).contains(html);
        String page = Files.readString(html);
        assertThat(page).doesNotContain("<link", "src=", "@import", "url(http", "url(//", "href=\"http"); // only url(#local-id)
        assertRendersInChromium(html, (int) charts, 7); // column 7 of the metrics table: amplitude
    }

    /**
     * Opens {@code html} in Chromium and checks: no errors, only its own file requested, {@code charts}
     * figures each drawn, and the first sortable table sorted ascending by {@code numericColumn} on a click.
     */
    public static void assertRendersInChromium(Path html, int charts, int numericColumn) throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.executable().isPresent(),
                "chromium is not installed here (.ci/run installs it): the browser check of report.html is skipped");
        try (HeadlessChromium chromium = HeadlessChromium.start(HeadlessChromium.executable().orElseThrow())) {
            chromium.open(html.toAbsolutePath());
            JsonNode figures = chromium.evaluate("Array.from(document.querySelectorAll('figure')).map(f => {"
                    + " const svg = f.querySelector('svg'); if (!svg) { return null; }"
                    + " const box = svg.getBoundingClientRect();"
                    + " return {width: box.width, height: box.height,"
                    + " marks: svg.querySelectorAll('path, line, polyline, polygon, rect, circle, text').length,"
                    + " caption: f.querySelector('figcaption').textContent}; })");
            assertThat(figures.size()).isEqualTo(charts);
            for (JsonNode figure : figures) {
                assertThat(figure.isNull()).as("a figure without an svg").isFalse();
                assertThat(figure.get("width").asDouble()).isGreaterThan(400);
                assertThat(figure.get("height").asDouble()).isGreaterThan(150);
                assertThat(figure.get("marks").asInt()).isGreaterThan(50);
                assertThat(figure.get("caption").asText()).startsWith("Figure ");
            }
            assertThat(chromium.evaluate("document.querySelector('table.sortable').getAttribute('data-sortable')")
                    .asText()).isEqualTo("ready");
            JsonNode sorted = chromium.evaluate("(() => { const t = document.querySelector('table.sortable');"
                    + " t.tHead.rows[0].cells[" + numericColumn + "].click();"
                    + " return Array.from(t.tBodies[0].rows).map(r => r.cells[" + numericColumn + "].textContent); })()");
            List<Double> numbers = new ArrayList<>();
            sorted.forEach(cell -> {
                if (ReportTable.isNumeric(cell.asText()) && !cell.asText().equals("-") && !cell.asText().equals("NaN")) {
                    numbers.add(Double.parseDouble(cell.asText()));
                }
            });
            assertThat(numbers).hasSizeGreaterThan(1).isSorted();
            assertThat(chromium.errors()).isEmpty();
            assertThat(chromium.requests()).allMatch(url -> url.equals(html.toAbsolutePath().toUri().toString())
                    || url.startsWith("data:"), "only the report itself (and its inline data: images) is loaded");
        }
    }
}
