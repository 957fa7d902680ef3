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
import org.batchscope.reports.html.ReportPair;
import org.batchscope.reports.pdf.ReportTable;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PngExport;

/**
 * The report of an experiment, as a PDF ({@code <out>/report/report.pdf}) and the same content as one
 * self-contained HTML page ({@code report.html}, the chart as inline SVG, the tables sortable), both
 * built from the same calls ({@link ReportPair}), plus the chart as PNG. The claims table comes first,
 * right under the facts: each claim's verdict, effect with its 95% interval and seed counts; then each
 * claim in words with its effect, rule and what would settle it; the experiment's claim with its source;
 * the arms; the notes (measurements without a verdict); and the chart. Each arm's own sweep report is
 * drawn by {@code batchscope report <out>/arms/<arm>}.
 */
public final class ExperimentReport {

    /** The PDF report file. */
    public static final String PDF = "report.pdf";

    /** The HTML report file. */
    public static final String HTML = "report.html";

    /** File stem of the effect chart. */
    public static final String CHART = "experiment-effect";

    private ExperimentReport() {
    }

    /** @return the files written: the chart's PNG, then the PDF, then the HTML */
    public static List<Path> write(ExperimentResult result, Path experimentFolder, Path out) {
        ReportPair report = ReportPair.titled("batchscope experiment " + result.name())
                .fact("experiment", result.name())
                .fact("scale", result.scale())
                .fact("results", experimentFolder.toString())
                .fact("tool", result.toolVersion());
        report.heading("Claims and verdicts", false).table(verdictTable(result));
        for (ClaimResult c : result.claims()) {
            report.paragraph(c.id() + ": " + c.claim() + " Effect: " + c.effect() + ". Rule: " + c.rule() + "."
                    + (c.settle() == null ? "" : " To settle it: " + c.settle() + "."));
        }
        report.heading("The claim tested", false).paragraph(result.claim())
                .paragraph("Source: " + result.source() + ".");
        report.heading("Arms", false).table(armTable(result));
        if (!result.notes().isEmpty()) {
            report.heading("Measurements without a verdict", false);
            result.notes().forEach(report::formula);
        }
        Figure figure = chart(result.chart());
        report.figure(figure, result.chart().title() + ". Each point is the mean over finished seeds; whiskers span"
                + " the lowest to the highest seed (none with a single seed); the claims' intervals are in the verdict"
                + " table.");
        List<Path> written = new ArrayList<>();
        written.add(PngExport.write(figure, out));
        Path pdf = out.resolve(PDF);
        Path html = out.resolve(HTML);
        report.write(pdf, html);
        written.add(pdf);
        written.add(html);
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
