package org.batchscope.reports.diagnose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchscope.analyzer.diagnose.Diagnosis;
import org.batchscope.analyzer.diagnose.DiagnosisText;
import org.batchscope.analyzer.diagnose.LogDiagnosis;
import org.batchscope.analyzer.diagnose.SeriesDiagnosis;
import org.batchscope.analyzer.logs.Curve;
import org.batchscope.analyzer.logs.NonFinite;
import org.batchscope.analyzer.logs.TrainingLog;
import org.batchscope.common.Json;
import org.batchscope.common.ToolVersion;
import org.batchscope.analyzer.sweep.RunMetrics;
import org.batchscope.reports.charts.MetricByBatchSizeChart;
import org.batchscope.reports.charts.MinibatchLossChart;
import org.batchscope.reports.charts.SeedPictureChart;
import org.batchscope.reports.html.ReportPair;
import org.batchscope.reports.pdf.MetricGlossary;
import org.batchscope.reports.pdf.ReportTable;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PngExport;

/**
 * Writes what {@code batchscope diagnose} leaves in its output folder, each file atomically:
 * one PNG per chart, {@value #JSON} with every number, {@value #PDF} (title page, what was read from
 * each log, reading, metric table, charts with captions, appendix of formulas) and {@value #HTML}, the
 * same report as one self-contained web page. Chart files of an earlier diagnosis into the same folder
 * that this one does not draw are removed, so the folder never mixes two diagnoses.
 */
public final class DiagnosisReport {

    /** The numbers. */
    public static final String JSON = "diagnose.json";
    /** The report. */
    public static final String PDF = "diagnose.pdf";
    /** The report as a web page. */
    public static final String HTML = "report.html";
    /** Every chart file a diagnosis can write. */
    static final List<String> CHART_FILES = List.of(SeedPictureChart.NAME + ".png",
            MetricByBatchSizeChart.NAME + ".png", MinibatchLossChart.NAME + ".png");

    private DiagnosisReport() {
    }

    /** @return the paths written, PNGs first, then the JSON, the PDF and the HTML */
    public static List<Path> write(Diagnosis diagnosis, Path out) {
        List<Figure> figures = DiagnosisFigures.of(diagnosis);
        String reading = DiagnosisText.reading(diagnosis);
        List<Path> written = new ArrayList<>();
        for (Figure figure : figures) {
            written.add(PngExport.write(figure, out));
        }
        removeStaleCharts(out, written);
        Path json = out.resolve(JSON);
        Json.write(json, toJson(diagnosis, reading));
        written.add(json);
        Path pdf = out.resolve(PDF);
        Path html = out.resolve(HTML);
        report(diagnosis, reading, figures).write(pdf, html);
        written.add(pdf);
        written.add(html);
        return written;
    }

    private static void removeStaleCharts(Path out, List<Path> written) {
        for (String name : CHART_FILES) {
            Path chart = out.resolve(name);
            if (!written.contains(chart)) {
                try {
                    Files.deleteIfExists(chart);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the earlier chart " + chart + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static ReportPair report(Diagnosis diagnosis, String reading, List<Figure> figures) {
        List<String> files = new ArrayList<>();
        for (LogDiagnosis log : diagnosis.logs()) {
            files.add(log.label() + ": " + log.log().file() + " (" + log.log().layout().description() + ")");
        }
        ReportPair report = ReportPair.titled("batchscope diagnose")
                .fact("logs", String.join("\n", files))
                .fact("compared", diagnosis.primary() == null ? "-" : diagnosis.primary().quantity())
                .fact("window", "last ceil(T/2) points of each series")
                .fact("tool", ToolVersion.toolString())
                .fact("date", LocalDate.now().toString())
                .heading("Reading", true)
                .paragraph(reading)
                .heading("What was read", false);
        for (LogDiagnosis log : diagnosis.logs()) {
            report.paragraph(log.label() + ":\n" + String.join("\n", DiagnosisText.readAs(log)));
        }
        report.heading("Metrics per log", false);
        List<String> header = new ArrayList<>(List.of("log"));
        header.addAll(DiagnosisText.COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (LogDiagnosis log : diagnosis.logs()) {
            for (List<String> row : DiagnosisText.rows(log)) {
                List<String> full = new ArrayList<>(List.of(log.label()));
                full.addAll(row);
                rows.add(full);
            }
        }
        report.table(new ReportTable(header, rows));
        report.paragraph("Accuracy is a fraction (percent logs are divided by 100); losses are in the units they"
                + " were logged in. window: the number of points measured (the last half). loss_spikes counts"
                + " per-step training losses above EMA + 3 EM-std over the whole run. Numbers have "
                + DiagnosisText.SIGNIFICANT + " significant digits.");
        for (Figure figure : figures) {
            report.figure(figure, DiagnosisFigures.caption(figure));
        }
        // a log diagnosis measures the series metrics and loss spikes only
        MetricGlossary.appendTo(report.pdf(),
                metric -> metric.series() || metric.name().equals(RunMetrics.LOSS_SPIKES));
        return report;
    }

    private static Map<String, Object> toJson(Diagnosis diagnosis, String reading) {
        List<Map<String, Object>> logs = new ArrayList<>();
        for (LogDiagnosis log : diagnosis.logs()) {
            TrainingLog source = log.log();
            List<Map<String, Object>> series = new ArrayList<>();
            for (SeriesDiagnosis s : log.series()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("name", s.curve().name());
                entry.put("kind", s.curve().kind().name().toLowerCase(Locale.ROOT));
                entry.put("x", s.curve().xName());
                entry.put("per_step", s.curve().perStep());
                entry.put("points", s.curve().points());
                entry.put("window", s.window());
                entry.put("metrics", s.measured() ? s.metrics().toNamedMap() : null);
                entry.put("loss_spikes", s.lossSpikes());
                entry.put("non_finite", nonFinite(s.curve()));
                series.add(entry);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", log.label());
            entry.put("file", source.file().toString());
            entry.put("layout", source.layout().description());
            entry.put("batch_size", log.batchSize());
            entry.put("state", log.state() == null ? null : log.state().fileName());
            entry.put("compared", log.compared() == null ? null : log.compared().curve().name());
            entry.put("diverged", log.nonFinite().stream().min(Comparator.comparingInt((Curve c) -> c.nonFinite().line()))
                    .map(DiagnosisReport::nonFinite).orElse(null));
            entry.put("notes", DiagnosisText.readAs(log));
            entry.put("series", series);
            logs.add(entry);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool_version", ToolVersion.toolString());
        root.put("compared_series", diagnosis.primary() == null ? null
                : diagnosis.primary().name().toLowerCase(Locale.ROOT));
        root.put("reading", reading);
        root.put("logs", logs);
        return root;
    }

    /** @return where a series stopped being finite, or null */
    private static Map<String, Object> nonFinite(Curve curve) {
        NonFinite at = curve.nonFinite();
        if (at == null) {
            return null;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("series", curve.name());
        entry.put("x", at.x());
        entry.put("line", at.line());
        entry.put("value", at.text());
        entry.put("count", at.count());
        entry.put("finite_after", at.finiteAfter());
        return entry;
    }
}
