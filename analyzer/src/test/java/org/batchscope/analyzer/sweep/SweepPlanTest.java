package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.common.BadInputException;
import org.batchscope.common.files.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {

    /** 100 training samples of 3 features, 2 classes. */
    static SweepDataset dataset(Double ratio) {
        return dataset(ratio, 50);
    }

    /** The toy dataset with {@code majority} of its 100 training labels in class 0 (the rest in class 1). */
    static SweepDataset dataset(Double ratio, int majority) {
        float[] x = new float[100 * 3];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            x[3 * i] = i % 2 == 0 ? 1 : -1;
            y[i] = majority == 50 ? i % 2 : i < majority ? 0 : 1;
        }
        TensorData train = new TensorData(x, y, new int[] {3}, 2);
        TensorData val = new TensorData(new float[3 * 10], new int[10], new int[] {3}, 2);
        LoadedDataset data = new LoadedDataset(LoadedDataset.TABULAR, "toy", "ab".repeat(32), List.of("0", "1"),
                train, val, null, Map.of(), List.of(), ratio, null);
        return new SweepDataset(data, ratio, LoadOptions.defaults());
    }

    static SweepSpec spec(List<Integer> batches, LrScaling scaling, Budget.Kind budget, Long steps) {
        return new SweepSpec("auto", null, batches.stream().map(BatchSize::of).toList(), 2, 3, steps, List.of(0.1),
                scaling, 32, budget, OptimizerSpec.Kind.SGD, 0.9, List.of(8), 4, null, 8, null, 64, 2, null);
    }

    /**
     * Summaries written before --gap-samples and --validation-samples existed have neither key: they measured
     * every sample.
     */
    @Test
    void aSweepRecordedWithoutGapOrValidationSamplesReadsAsEverySample(@TempDir Path dir) throws IOException {
        SweepSpec spec = spec(List.of(4), LrScaling.FIXED, Budget.Kind.EPOCHS, null);
        String json = new String(ResultFiles.toBytes(spec), StandardCharsets.UTF_8);
        assertThat(json).contains("\"gap_samples\" : 0,", ",\n  \"validation_samples\" : 0\n");
        Path old = Files.writeString(dir.resolve("sweep.json"), json.replace("\"gap_samples\" : 0,", "")
                .replace(",\n  \"validation_samples\" : 0\n", "\n"));
        SweepSpec read = ResultFiles.read(old, ResultFiles.UNVERSIONED, new TypeReference<SweepSpec>() { });
        assertThat(read.gapSamples()).isEqualTo(SweepSpec.ALL_SAMPLES);
        assertThat(read.validationSamples()).isEqualTo(SweepSpec.ALL_SAMPLES);
        assertThat(read).isEqualTo(spec);
    }

    /**
     * --validation-samples is in a run's config (so its hash) only when it subsets the validation split: a run
     * evaluated on every validation sample keeps the hash it had before the option existed.
     */
    @Test
    void validationSamplesEnterTheHashOnlyWhenTheySubsetTheSplit() {
        SweepSpec all = spec(List.of(4), LrScaling.FIXED, Budget.Kind.EPOCHS, null);
        PlannedRun whole = SweepPlan.plan(all, List.of(dataset(null))).get(0);
        assertThat(new String(ResultFiles.toBytes(whole.spec()), StandardCharsets.UTF_8))
                .doesNotContain("validation_samples");
        PlannedRun four = SweepPlan.plan(withValidationSamples(all, 4), List.of(dataset(null))).get(0);
        assertThat(four.spec().validationSamples()).isEqualTo(4);
        assertThat(new String(ResultFiles.toBytes(four.spec()), StandardCharsets.UTF_8))
                .contains("\"validation_samples\" : 4");
        assertThat(four.hash()).isNotEqualTo(whole.hash());
        // the toy validation split has 10 samples: 10 or more is the whole split
        PlannedRun ten = SweepPlan.plan(withValidationSamples(all, 10), List.of(dataset(null))).get(0);
        assertThat(ten.spec().validationSamples()).isNull();
        assertThat(ten.hash()).isEqualTo(whole.hash());
        assertThatThrownBy(() -> withValidationSamples(all, -1)).isInstanceOf(BadInputException.class)
                .hasMessage("--validation-samples must be a positive integer or all (got -1)");
    }

    private static SweepSpec withValidationSamples(SweepSpec s, int samples) {
        return new SweepSpec(s.model(), s.engine(), s.batchSizes(), s.seeds(), s.epochs(), s.steps(), s.lrs(),
                s.lrScaling(), s.lrReferenceBatch(), s.budget(), s.optimizer(), s.momentum(), s.hidden(),
                s.evalsPerEpoch(), s.evalEvery(), s.probesPerRun(), s.probeEvery(), s.probeSize(), s.threads(),
                s.targetAccuracy(), s.batchSchedule(), s.lrDecay(), s.trainEvalSamples(), s.gapSamples(), samples,
                s.sharpness());
    }

    @Test
    void lrScalingRules() {
        assertThat(LrScaling.FIXED.scale(0.1, 8, 32)).isEqualTo(0.1);
        assertThat(LrScaling.LINEAR.scale(0.1, 8, 32)).isCloseTo(0.025, within(1e-15));
        assertThat(LrScaling.SQRT.scale(0.1, 8, 32)).isCloseTo(0.05, within(1e-15));
        assertThat(LrScaling.fromCliName("Linear")).isEqualTo(LrScaling.LINEAR);
        assertThatThrownBy(() -> LrScaling.fromCliName("cubic")).isInstanceOf(BadInputException.class)
                .hasMessage("--lr-scaling must be one of fixed, linear, sqrt (got cubic)");
    }

    @Test
    void gridOrderRatesBudgetsAndEvaluationCadence() {
        List<PlannedRun> runs = SweepPlan.plan(spec(List.of(32, 4), LrScaling.LINEAR, Budget.Kind.EPOCHS, null),
                List.of(dataset(null)));
        assertThat(runs).hasSize(4);
        assertThat(runs).extracting(PlannedRun::batchSize).containsExactly(4, 4, 32, 32);
        assertThat(runs).extracting(PlannedRun::seed).containsExactly(0L, 1L, 0L, 1L);
        var b4 = runs.get(0).spec().run();
        // linear: 0.1 x 4 / 32; 25 steps per epoch, 4 evaluations per epoch -> every 6 steps
        assertThat(b4.optimizer().learningRate()).isCloseTo(0.0125, within(1e-15));
        assertThat(b4.budget()).isEqualTo(Budget.epochs(3));
        assertThat(b4.evalEverySteps()).isEqualTo(6);
        // 75 steps, 8 probes -> every 9 steps on 64 examples
        assertThat(b4.probeEverySteps()).isEqualTo(9);
        assertThat(b4.probeSize()).isEqualTo(64);
        assertThat(b4.model()).isEqualTo(new ModelArchitecture.Mlp(3, List.of(8), 2));
        assertThat(runs.get(2).spec().run().evalEverySteps()).isEqualTo(1);
        assertThat(runs).extracting(PlannedRun::hash).doesNotHaveDuplicates();
    }

    @Test
    void stepBudgetGivesEveryBatchSizeTheSmallestOnesSteps() {
        List<PlannedRun> runs = SweepPlan.plan(spec(List.of(4, 32), LrScaling.FIXED, Budget.Kind.STEPS, null),
                List.of(dataset(null)));
        // 3 epochs of ceil(100 / 4) = 25 steps
        assertThat(runs).extracting(r -> r.spec().run().budget()).containsOnly(Budget.steps(75));
        List<PlannedRun> fixed = SweepPlan.plan(spec(List.of(4, 32), LrScaling.FIXED, Budget.Kind.STEPS, 10L),
                List.of(dataset(null)));
        assertThat(fixed).extracting(r -> r.spec().run().budget()).containsOnly(Budget.steps(10));
    }

    @Test
    void hashIsStableWhenBatchSizesAreAddedAndChangesWithTheDataset() {
        List<PlannedRun> small = SweepPlan.plan(spec(List.of(4), LrScaling.LINEAR, Budget.Kind.EPOCHS, null),
                List.of(dataset(null)));
        List<PlannedRun> more = SweepPlan.plan(spec(List.of(4, 8), LrScaling.LINEAR, Budget.Kind.EPOCHS, null),
                List.of(dataset(null)));
        assertThat(more.subList(0, 2)).extracting(PlannedRun::hash)
                .containsExactlyElementsOf(small.stream().map(PlannedRun::hash).toList());
        List<PlannedRun> other = SweepPlan.plan(spec(List.of(4), LrScaling.LINEAR, Budget.Kind.EPOCHS, null),
                List.of(dataset(3.0)));
        assertThat(other.get(0).hash()).isNotEqualTo(small.get(0).hash());
        assertThat(small.get(0).hash()).isEqualTo(small.get(0).spec().hash()).hasSize(64);
    }

    @Test
    void specValidationNamesTheOption() {
        assertThatThrownBy(() -> spec(List.of(4, 4), LrScaling.FIXED, Budget.Kind.EPOCHS, null))
                .isInstanceOf(BadInputException.class).hasMessage("--batch-sizes must be distinct values (got [4, 4])");
        assertThatThrownBy(() -> spec(List.of(4), LrScaling.FIXED, Budget.Kind.EPOCHS, 5L))
                .isInstanceOf(BadInputException.class).hasMessage("--steps must be used with --budget steps (got 5)");
        assertThatThrownBy(() -> SweepPlan.plan(new SweepSpec("cnn", null, List.of(BatchSize.of(4)), 1, 1, null,
                List.of(0.1), LrScaling.FIXED, 32, Budget.Kind.EPOCHS, OptimizerSpec.Kind.SGD, 0, List.of(8), 1, null, 0,
                null, 2, 1, null),
                List.of(dataset(null)))).isInstanceOf(BadInputException.class)
                .hasMessage("--model cnn needs image data; toy is a table (use mlp or logreg)");
    }
}
