package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.RandomStreams;
import org.batchscope.common.files.RunFile;
import org.junit.jupiter.api.Test;

/**
 * The verdict's "measured critical batch size" line on steps-to-target data whose critical batch size is
 * known: each seed at batch size B reaches the target after S(B) = S_min (1 + B_noise / B) steps, times a
 * lognormal seed factor exp(0.05 z) (z standard normal from a fixed stream), with S_min = 100 and
 * B_noise = 40 examples, 3 seeds at each of B = 4, 8, 16, 32, 64, 128.
 */
class MeasuredCriticalBatchVerdictTest {

    private static final double S_MIN = 100;
    private static final double B_NOISE = 40;
    private static final int[] BATCH_SIZES = {4, 8, 16, 32, 64, 128};
    private static final Pattern FIT = Pattern.compile(
            "B_noise ~ ([0-9.e+]+) examples, 90% interval \\[([0-9.e+]+), ([0-9.e+]+)\\] over seeds");

    /** @return a run whose validation accuracy is 0.95 at step {@code steps} (its only evaluation), or 0.5 */
    private static RunFile<RunSpec, Sharpness> run(long steps, boolean reaches) {
        double accuracy = reaches ? 0.95 : 0.5;
        return StoredRuns.completed(Map.of("amplitude", 0.01, "final_accuracy", accuracy), steps, 1, 1, 1, 1,
                accuracy);
    }

    /** @return the verdict of the sweep where only the batch sizes in {@code reaching} reach the target 0.9 */
    private static List<String> verdict(List<Integer> reaching) {
        UniformRandomProvider rng = RandomStreams.stream(7, 0);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        List<CellSummary> cells = new ArrayList<>();
        for (int b : BATCH_SIZES) {
            List<RunFile<RunSpec, Sharpness>> runs = new ArrayList<>();
            for (int seed = 0; seed < 3; seed++) {
                long steps = Math.round(S_MIN * (1 + B_NOISE / b) * Math.exp(0.05 * gauss.sample()));
                runs.add(run(steps, reaching.contains(b)));
            }
            cells.add(new CellSummary(0, null, 0.1, 0.1, b, String.valueOf(b), runs));
        }
        // 50 of 100 training labels per class: chance 0.5; final accuracy 0.95 counts as learned
        return Verdict.of(new SweepSummary(List.of(SweepPlanTest.dataset(null, 50)), cells, 0.9));
    }

    @Test
    void reportsTheKnownNoiseScaleInsideItsInterval() {
        List<String> lines = verdict(List.of(4, 8, 16, 32, 64, 128)).stream()
                .filter(l -> l.startsWith("  measured critical batch size")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("B = [4, 8, 16, 32, 64, 128]");
        Matcher m = FIT.matcher(lines.get(0));
        assertThat(m.find()).as(lines.get(0)).isTrue();
        double estimate = Double.parseDouble(m.group(1));
        double low = Double.parseDouble(m.group(2));
        double high = Double.parseDouble(m.group(3));
        // 5% seed noise on 3 seeds moves the fitted B_noise by a few percent; the line prints 3 digits
        assertThat(estimate).isBetween(0.85 * B_NOISE, 1.15 * B_NOISE);
        // the bootstrap interval is deterministic here (fixed streams); it holds the true value for this draw
        assertThat(low).isLessThanOrEqualTo(B_NOISE);
        assertThat(high).isGreaterThanOrEqualTo(B_NOISE);
        assertThat(low).isLessThan(high);
    }

    @Test
    void isAbsentWithFewerThanThreeBatchSizesReachingTheTarget() {
        assertThat(verdict(List.of(8, 32))).noneMatch(l -> l.contains("measured critical batch size"));
        // three are enough
        assertThat(verdict(List.of(8, 32, 128))).filteredOn(l -> l.contains("measured critical batch size"))
                .singleElement().asString().contains("B = [8, 32, 128]");
    }
}
