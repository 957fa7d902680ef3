package org.batchscope.reports.sweep;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.batchscope.common.ToolVersion;
import org.batchscope.reports.pdf.MetricGlossary;
import org.batchscope.reports.html.ReportPair;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PngExport;
import org.batchscope.reports.results.Numbers;
import org.batchscope.reports.results.ResultDataset;
import org.batchscope.reports.results.SweepResults;
import org.batchscope.reports.results.SweepSettings;

/**
 * The report over a sweep's results: every section is drawn first, then one PNG per chart and
 * {@value #PDF} and its self-contained web-page twin {@value #HTML} (the appendix of formulas only in
 * the PDF) are written into the output folder, each atomically. The PDF holds a title page (the
 * datasets, model, engine, grid, tool version, date), the verdict, the summary table per cell, one
 * landscape page per chart with its caption (sections in order), a page listing the sections that
 * drew nothing and why (when there are any), and the appendix of metric formulas.
 */
public final class SweepReport {

    /** The report file. */
    public static final String PDF = "report.pdf";
    /** The same report as one self-contained web page. */
    public static final String HTML = "report.html";

    private SweepReport() {
    }

    /** @return the files written: the PNGs in report order, then the PDF and the HTML */
    public static List<Path> write(SweepResults results, Path out) {
        return write(results, ReportSections.standard(), out);
    }

    /** @return the files written with the given sections */
    public static List<Path> write(SweepResults results, List<ReportSection> sections, Path out) {
        ReportPair report = titlePage(results).heading("Verdict", true);
        results.verdict().forEach(report::formula);
        report.heading("Summary per cell", false)
                .paragraph("One row per cell (the seeds of one dataset, learning rate and batch size). Accuracy,"
                        + " amplitude, churn and reliance are fractions; amplitude is the standard deviation of"
                        + " validation accuracy over the last half of each run, with its 95% Student-t interval over"
                        + " seeds; reversal = reversal rate (0 = monotone, 1 = zig-zag); spikes = loss spikes per run;"
                        + " lr = the learning rate used after scaling. Means are over completed seeds.")
                .table(SummaryTable.of(results));
        List<Figure> figures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ReportSection section : sections) {
            SectionOutcome outcome = section.build(results);
            if (outcome.skipped() != null) {
                skipped.add(section.title() + ": " + outcome.skipped());
            }
            for (CaptionedFigure figure : outcome.figures()) {
                report.figure(figure.figure(), figure.caption());
                figures.add(figure.figure());
            }
        }
        if (!skipped.isEmpty()) {
            report.heading("Charts not drawn", true);
            skipped.forEach(report::paragraph);
        }
        MetricGlossary.appendTo(report.pdf());
        List<Path> written = new ArrayList<>();
        for (Figure figure : figures) {
            written.add(PngExport.write(figure, out));
        }
        Path target = out.resolve(PDF);
        Path html = out.resolve(HTML);
        report.write(target, html);
        written.add(target);
        written.add(html);
        return written;
    }

    private static ReportPair titlePage(SweepResults results) {
        SweepSettings s = results.settings();
        String datasets = results.datasets().stream().map(SweepReport::describe).collect(Collectors.joining("\n"));
        String budget = s.budget().equalsIgnoreCase("steps")
                ? (s.steps() == null ? s.epochs() + " epochs of the smallest batch size" : s.steps() + " steps") + " per run"
                : s.epochs() + " epochs per run";
        return ReportPair.titled("batchscope report")
                .fact("results", results.folder().toString())
                .fact("datasets", datasets)
                .fact("noise ratios", results.ratios().isEmpty() ? "-"
                        : results.ratios().stream().map(Numbers::compact).collect(Collectors.joining(", ")))
                .fact("model", s.model() + " (" + s.optimizer().toLowerCase(java.util.Locale.ROOT) + ")")
                .fact("engine", s.engine())
                .fact("batch sizes", s.batchSizes().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .fact("seeds", s.seeds() + " per cell")
                .fact("learning rates", s.lrs().stream().map(Numbers::compact).collect(Collectors.joining(", "))
                        + " at batch size " + s.lrReferenceBatch() + ", scaling " + s.lrScaling().toLowerCase(java.util.Locale.ROOT))
                .fact("budget", budget)
                .fact("runs", results.runs().size() + " (" + results.runs().stream().filter(r -> r.completed()).count()
                        + " completed)")
                .fact("tool", ToolVersion.toolString())
                .fact("date", LocalDate.now().toString());
    }

    private static String describe(ResultDataset d) {
        return d.source() + " (" + d.kind() + (d.ratio() == null ? "" : ", r = " + Numbers.compact(d.ratio()))
                + (Double.isFinite(d.achievedRatio()) ? ", achieved " + Numbers.compact(d.achievedRatio()) : "")
                + ", " + d.train() + " training examples, chance " + Numbers.fixed(d.chance(), 2) + ")";
    }
}
