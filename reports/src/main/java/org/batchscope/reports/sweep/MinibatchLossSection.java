package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.batchscope.reports.charts.LossTrace;
import org.batchscope.reports.charts.MinibatchLossChart;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.ResultRun;
import org.batchscope.reports.results.SweepResults;

/**
 * Chart 6 per dataset (and learning rate): the minibatch loss per step of the lowest completed seed
 * of each batch size, with its EMA, the spike threshold and the spikes.
 */
final class MinibatchLossSection implements ReportSection {

    @Override
    public String title() {
        return "Minibatch loss and spikes";
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        List<CaptionedFigure> figures = new ArrayList<>();
        List<SweepResults.CellGroup> groups = results.groups();
        List<List<LossTrace>> tracesPerGroup = new ArrayList<>();
        for (SweepResults.CellGroup group : groups) {
            List<LossTrace> traces = new ArrayList<>();
            for (ResultCell cell : group.cells()) {
                firstSeed(results, cell).ifPresent(run -> traces.add(trace(run)));
            }
            if (!traces.isEmpty()) {
                tracesPerGroup.add(traces);
            }
        }
        for (int i = 0; i < tracesPerGroup.size(); i++) {
            String label = groups.get(i).label();
            figures.add(new CaptionedFigure(FigureNames.numbered(MinibatchLossChart.figure(
                    "Minibatch loss per step, " + label, "nats", tracesPerGroup.get(i)), i, tracesPerGroup.size()),
                    "The training loss of each minibatch (thin grey) for one seed per batch size, " + label + ", its"
                            + " exponential moving average (bold, alpha 0.1) and the spike threshold EMA + 3 EM-std"
                            + " (dashed). Triangles mark spikes: steps whose loss jumps far above the recent trend."
                            + " Smaller batches give noisier losses and more spikes."));
        }
        return figures.isEmpty() ? SectionOutcome.skipped("No completed run has per-step losses.")
                : SectionOutcome.of(figures);
    }

    private static Optional<ResultRun> firstSeed(SweepResults results, ResultCell cell) {
        return results.completedRuns(cell).stream().filter(r -> r.stepLosses().length > 0
                && java.util.Arrays.stream(r.stepLosses()).allMatch(Double::isFinite)).findFirst();
    }

    private static LossTrace trace(ResultRun run) {
        double[] steps = new double[run.stepLosses().length];
        for (int t = 0; t < steps.length; t++) {
            steps[t] = t + 1;
        }
        return new LossTrace("batch size " + run.batchSize() + ", seed " + run.seed(), steps, run.stepLosses());
    }
}
