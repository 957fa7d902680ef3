package org.batchscope.reports.sweep;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.sweep.RunMetrics;
import org.batchscope.analyzer.sweep.ShortcutReliance;
import org.batchscope.reports.pdf.ReportTable;
import org.batchscope.reports.results.Numbers;
import org.batchscope.reports.results.ResultCell;
import org.batchscope.reports.results.SweepResults;

/**
 * The summary table of the report, one row per cell: B, r, the learning rate used, seeds, final
 * accuracy mean +- std, amplitude mean [Student-t 95% CI], the runs' states, reversal rate, churn and loss
 * spikes (means over seeds), and the reliance columns the datasets have (shortcut gap and worst-group
 * accuracy when the training data had a shortcut, bg_gap and bg_only_accuracy for images, the two
 * permutation drops for tables).
 */
public final class SummaryTable {

    private SummaryTable() {
    }

    /** @return the table */
    static ReportTable of(SweepResults results) {
        List<String[]> reliance = new ArrayList<>();
        for (String[] column : new String[][] {{ShortcutReliance.SHORTCUT_GAP, "shortcut gap"},
                {ShortcutReliance.WORST_GROUP_ACCURACY, "worst group"},
                {ShortcutReliance.BG_GAP, "bg_gap"},
                {ShortcutReliance.BG_ONLY_ACCURACY, "bg_only acc."},
                {ShortcutReliance.INFORMATIVE_PERMUTATION_DROP, "inform. drop"},
                {ShortcutReliance.NOISE_PERMUTATION_DROP, "noise drop"}}) {
            if (results.cells().stream().anyMatch(c -> c.has(column[0]))) {
                reliance.add(column);
            }
        }
        List<String> header = new ArrayList<>(List.of("B", "r", "lr", "seeds", "final acc. (mean ± std)",
                "amplitude [95% t-CI]", "states", "reversal", "churn", "spikes"));
        reliance.forEach(column -> header.add(column[1]));
        List<List<String>> rows = new ArrayList<>();
        for (ResultCell c : results.cells()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(c.batchSize()),
                    c.ratio() == null ? "-" : Numbers.compact(c.ratio()), Numbers.compact(c.lrEffective()),
                    c.seeds() + (c.diverged() + c.failed() > 0 ? " (" + c.diverged() + " div., " + c.failed() + " failed)" : ""),
                    finalAccuracy(c), amplitude(c), states(c), Numbers.fixed(c.mean(OscillationMetrics.REVERSAL_RATE), 2),
                    Numbers.fixed(c.mean(RunMetrics.CHURN), 3), Numbers.fixed(c.mean(RunMetrics.LOSS_SPIKES), 1)));
            reliance.forEach(column -> row.add(Numbers.fixed(c.mean(column[0]), 3)));
            rows.add(row);
        }
        return new ReportTable(header, rows);
    }

    /** @return the final accuracy cell as printed, for example {@code "0.912 ± 0.004"} */
    public static String finalAccuracy(ResultCell c) {
        String mean = Numbers.fixed(c.mean(RunMetrics.FINAL_ACCURACY), 3);
        double std = c.std(RunMetrics.FINAL_ACCURACY);
        return Double.isFinite(std) ? mean + " ± " + Numbers.fixed(std, 3) : mean;
    }

    /** @return how many runs are in each state, for example {@code "2 improving, 1 collapsed"}; "-" for none */
    public static String states(ResultCell c) {
        List<String> parts = new ArrayList<>();
        for (RunState state : RunState.values()) {
            double count = c.column("state_" + state.fileName());
            if (count > 0) {
                parts.add((long) count + " " + state.fileName());
            }
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String amplitude(ResultCell c) {
        String mean = Numbers.fixed(c.mean(OscillationMetrics.AMPLITUDE), 4);
        double low = c.ciLow(OscillationMetrics.AMPLITUDE);
        double high = c.ciHigh(OscillationMetrics.AMPLITUDE);
        return Double.isFinite(low) && Double.isFinite(high)
                ? mean + " [" + Numbers.fixed(low, 4) + ", " + Numbers.fixed(high, 4) + "]" : mean;
    }
}
