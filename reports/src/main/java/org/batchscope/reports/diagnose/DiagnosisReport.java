package org.batchscope.reports.diagnose;

import org.batchscope.analyzer.diagnose.Diagnosis;
import org.batchscope.analyzer.diagnose.DiagnosisText;
import org.batchscope.analyzer.diagnose.LogDiagnosis;
import org.batchscope.analyzer.diagnose.SeriesDiagnosis;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchscope.common.Json;
import org.batchscope.common.ToolVersion;
import org.batchscope.analyzer.logs.TrainingLog;
import org.batchscope.reports.pdf.MetricGlossary;
import org.batchscope.reports.pdf.PdfReport;
import org.batchscope.reports.pdf.ReportTable;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PngExport;

/**
 * Writes what {@code batchscope diagnose} leaves in its output folder, each file atomically:
 * one PNG per chart, {@value #JSON} with every number, and {@value #PDF} (title page, reading,
 * metric table, charts with captions, appendix of formulas).
 */
public final class DiagnosisReport {

    /** The numbers. */
    public static final String JSON = "diagnose.json";
    /** The report. */
    public static final String PDF = "diagnose.pdf";

    private DiagnosisReport() {
    }

    /** @return the paths written, PNGs first, then the JSON and the PDF */
    public static List<Path> write(Diagnosis diagnosis, Path out) {
        List<Figure> figures = DiagnosisFigures.of(diagnosis);
        String reading = DiagnosisText.reading(diagnosis);
        List<Path> written = new ArrayList<>();
        for (Figure figure : figures) {
            written.add(PngExport.write(figure, out));
        }
        Path json = out.resolve(JSON);
        Json.write(json, toJson(diagnosis, reading));
        written.add(json);
        Path pdf = out.resolve(PDF);
        pdf(diagnosis, reading, figures).write(pdf);
        written.add(pdf);
        return written;
    }

    private static PdfReport pdf(Diagnosis diagnosis, String reading, List<Figure> figures) {
        List<String> files = new ArrayList<>();
        for (LogDiagnosis log : diagnosis.logs()) {
            files.add(log.label() + ": " + log.log().file() + " (" + log.log().layout().description() + ")");
        }
        PdfReport report = PdfReport.titled("batchscope diagnose")
                .fact("logs", String.join("\n", files))
                .fact("compared", diagnosis.primary() == null ? "-" : diagnosis.primary().quantity())
                .fact("window", "last ceil(T/2) points of each series")
                .fact("tool", ToolVersion.toolString())
                .fact("date", LocalDate.now().toString())
                .heading("Reading", true)
                .paragraph(reading)
                .heading("Metrics per log", false);
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
        report.paragraph("Accuracy is a fraction; losses are in the units they were logged in. window: the number"
                + " of points measured (the last half). loss_spikes counts per-step training losses above"
                + " EMA + 3 EM-std over the whole run.");
        for (Figure figure : figures) {
            report.figure(figure, DiagnosisFigures.caption(figure));
        }
        return MetricGlossary.appendTo(report);
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
                series.add(entry);
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", log.label());
            entry.put("file", source.file().toString());
            entry.put("layout", source.layout().description());
            entry.put("batch_size", log.batchSize());
            entry.put("state", log.state() == null ? null : log.state().fileName());
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
}
