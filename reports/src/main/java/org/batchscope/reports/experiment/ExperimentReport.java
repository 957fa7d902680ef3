package org.batchscope.reports.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.experiment.ClaimResult;
import org.batchscope.analyzer.experiment.EffectChart;
import org.batchscope.analyzer.experiment.ExperimentResult;
import org.batchscope.reports.charts.MetricByBatchSizeChart;
import org.batchscope.reports.charts.MetricPanel;
import org.batchscope.reports.charts.MetricPoint;
import org.batchscope.reports.charts.MetricSeries;
import org.batchscope.reports.charts.XScale;
import org.batchscope.reports.pdf.PdfReport;
import org.batchscope.reports.pdf.ReportTable;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PngExport;

/**
 * The report of an experiment ({@code <out>/report/report.pdf} and its chart as PNG): the claim in one
 * sentence with its source, the arms, the chart that shows the effect, the numbers (each claim's effect
 * with its 95% interval and seed counts), the verdicts and the rule behind each, and the notes. Each
 * arm's own sweep report is drawn by {@code batchscope report <out>/arms/<arm>}.
 */
public final class ExperimentReport {

    /** The report file. */
    public static final String PDF = "report.pdf";

    /** File stem of the effect chart. */
    public static final String CHART = "experiment-effect";

    private ExperimentReport() {
    }

    /** @return the files written: the chart's PNG, then the PDF */
    public static List<Path> write(ExperimentResult result, Path experimentFolder, Path out) {
        PdfReport pdf = PdfReport.titled("batchscope experiment " + result.name())
                .fact("experiment", result.name())
                .fact("scale", result.scale())
                .fact("results", experimentFolder.toString())
                .fact("tool", result.toolVersion());
        pdf.heading("Claim", true).paragraph(result.claim()).paragraph("Source: " + result.source() + ".");
        pdf.heading("Verdicts", false).table(verdictTable(result));
        for (ClaimResult c : result.claims()) {
            pdf.paragraph(c.id() + ": " + c.claim() + " Effect: " + c.effect() + ". Rule: " + c.rule() + "."
                    + (c.settle() == null ? "" : " To settle it: " + c.settle() + "."));
        }
        pdf.heading("Arms", false).table(armTable(result));
        if (!result.notes().isEmpty()) {
            pdf.heading("Measurements without a verdict", false);
            result.notes().forEach(pdf::formula);
        }
        Figure figure = chart(result.chart());
        pdf.figure(figure, result.chart().title() + ". Each point is the mean over finished seeds; whiskers span"
                + " its 95% Student t interval (none with a single seed).");
        List<Path> written = new ArrayList<>();
        written.add(PngExport.write(figure, out));
        Path target = out.resolve(PDF);
        pdf.write(target);
        written.add(target);
        return written;
    }

    static ReportTable verdictTable(ExperimentResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (ClaimResult c : result.claims()) {
            rows.add(List.of(c.id(), c.verdict().words(), significant(c.value().estimate()),
                    "[" + significant(c.value().low()) + ", " + significant(c.value().high()) + "]",
                    c.value().nA() + (c.value().nB() > 0 ? " / " + c.value().nB() : ""), c.unit()));
        }
        return new ReportTable(List.of("claim", "verdict", "effect", "95% interval", "seeds", "unit"), rows);
    }

    private static ReportTable armTable(ExperimentResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (ExperimentResult.ArmRecord arm : result.arms()) {
            rows.add(List.of(arm.name(), arm.description(), String.valueOf(arm.runs()), String.valueOf(arm.unfinished())));
        }
        return new ReportTable(List.of("arm", "what it runs", "runs", "diverged or failed"), rows);
    }

    private static Figure chart(EffectChart chart) {
        List<MetricSeries> series = new ArrayList<>();
        for (EffectChart.Line line : chart.lines()) {
            List<MetricPoint> points = new ArrayList<>();
            for (int i = 0; i < line.x().length; i++) {
                if (Double.isFinite(line.mean()[i])) {
                    points.add(new MetricPoint(line.x()[i], line.mean()[i], line.low()[i], line.high()[i]));
                }
            }
            series.add(new MetricSeries(line.name(), points));
        }
        XScale x = chart.logX() ? new XScale(chart.xLabel() + " (log2 scale)", List.of())
                : XScale.labels(chart.xLabel(), List.of(chart.xLabel()));
        return MetricByBatchSizeChart.figure(chart.title(), "points: mean over seeds; bars: lowest to highest seed", x,
                List.of(new MetricPanel(chart.yLabel(), "", series))).named(CHART);
    }

    /** @return {@code v} with 3 significant digits, or the infinity sign */
    static String significant(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        if (!Double.isFinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
