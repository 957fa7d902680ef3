package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.reports.charts.SeedCurves;
import org.batchscope.reports.charts.SeedPanel;
import org.batchscope.reports.charts.SeedPictureChart;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.ResultRun;
import org.batchscope.reports.results.SweepResults;

/**
 * Chart 1 per dataset (and learning rate): one panel per batch size, ascending, with validation
 * accuracy above validation loss against epoch (or steps or samples seen, {@link CurveAxis}), every
 * completed seed a thin line, the mean bold and the min-max band shaded. Seeds of a cell share their
 * evaluation epochs; a longer seed is cut to the shortest.
 */
final class SeedPictureSection implements ReportSection {

    private final CurveAxis axis;

    SeedPictureSection(CurveAxis axis) {
        this.axis = axis;
    }

    @Override
    public String title() {
        return "Training curves per batch size";
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        List<SweepResults.CellGroup> groups = results.groups().stream()
                .filter(g -> g.cells().stream().anyMatch(c -> hasCurves(results, c))).toList();
        if (groups.isEmpty()) {
            return SectionOutcome.skipped("No completed run has evaluations, so there are no training curves to draw.");
        }
        List<CaptionedFigure> figures = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            SweepResults.CellGroup group = groups.get(i);
            List<SeedPanel> panels = new ArrayList<>();
            for (ResultCell cell : group.cells()) {
                if (hasCurves(results, cell)) {
                    panels.add(panel(results.completedRuns(cell), cell.batchSize(),
                            results.datasets().get(cell.dataset()).train()));
                }
            }
            figures.add(new CaptionedFigure(FigureNames.numbered(SeedPictureChart.figure(
                    "Training curves per batch size, " + group.label(),
                    "validation set; thin: seeds, bold: mean, band: min-max over seeds", panels), i, groups.size()),
                    "Validation accuracy (top) and loss (bottom) of every seed against " + axis.label() + ", " + group.label()
                            + ", one panel per batch size. The bold line is the mean over seeds and the band spans"
                            + " their minimum to maximum; every panel has the same y range, so compare the width of"
                            + " the zig-zag late in training, which is what the oscillation metrics measure."));
        }
        return SectionOutcome.of(figures);
    }

    private static boolean hasCurves(SweepResults results, ResultCell cell) {
        return results.completedRuns(cell).stream().anyMatch(r -> !r.evaluations().isEmpty());
    }

    private SeedPanel panel(List<ResultRun> runs, int batchSize, int train) {
        List<ResultRun> withCurves = runs.stream().filter(r -> !r.evaluations().isEmpty()).toList();
        int points = withCurves.stream().mapToInt(r -> r.evaluations().size()).min().orElseThrow();
        double[] xs = new double[points];
        for (int t = 0; t < points; t++) {
            xs[t] = axis.x(withCurves.get(0).evaluations().get(t), batchSize, train);
        }
        List<double[]> accuracy = new ArrayList<>();
        List<double[]> loss = new ArrayList<>();
        for (ResultRun run : withCurves) {
            accuracy.add(run.evaluations().stream().limit(points).mapToDouble(ResultRun.Evaluation::validationAccuracy).toArray());
            loss.add(run.evaluations().stream().limit(points).mapToDouble(ResultRun.Evaluation::validationLoss).toArray());
        }
        return new SeedPanel("batch size " + batchSize, axis.label(), List.of(
                new SeedCurves("validation accuracy", "fraction", xs, accuracy),
                new SeedCurves("validation loss", "nats", xs, loss)));
    }
}
