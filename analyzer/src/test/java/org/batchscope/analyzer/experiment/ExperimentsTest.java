package org.batchscope.analyzer.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.EpochMilestones;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.batchscope.analyzer.sweep.SweepDataset;
import org.batchscope.analyzer.sweep.SweepPlan;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

    @Test
    void namesAreUniqueAndEveryScalePlansValidArms() {
        List<String> names = Experiments.all().stream().map(Experiment::name).toList();
        assertThat(names).doesNotHaveDuplicates().contains("eye-colour", "lr-scaling", "large-batch-gap",
                "edge-of-stability", "gd-variants", "time-per-epoch", "batch-for-decay");
        for (Experiment e : Experiments.all()) {
            for (Scale scale : Scale.values()) {
                List<Arm> arms = e.arms(scale, 2);
                assertThat(arms).as(e.name()).isNotEmpty();
                assertThat(arms.stream().map(Arm::name).distinct().count()).isEqualTo(arms.size());
            }
            assertThat(Experiments.named(e.name())).contains(e);
        }
        assertThat(Experiments.named("nope")).isEmpty();
    }

    @Test
    void eyeColourCrossesThreeRatiosWithTwoBackgroundTies() {
        List<Arm> arms = new EyeColourExperiment().arms(Scale.DEFAULT, 2);
        assertThat(arms).extracting(Arm::name).containsExactly("r0.3-rho0", "r3-rho0", "r30-rho0", "r0.3-rho0.9",
                "r3-rho0.9", "r30-rho0.9");
        assertThat(arms.get(4).dataset().fields()).containsEntry("rho", 0.9).containsEntry("ratio", 3.0);
        assertThat(arms.get(0).sweep().batchSizes()).hasSize(4);
    }

    @Test
    void batchForDecayChangesTheRateAndTheBatchByTheSameFactorAtTheSameEpochStarts() {
        List<Arm> arms = new BatchForDecayExperiment().arms(Scale.SMALL, 2);
        assertThat(arms).extracting(Arm::name).containsExactly("lr-decay", "batch-increase", "constant", "final-batch");
        EpochMilestones milestones = new EpochMilestones(4, List.of(2L, 4L));
        assertThat(arms.get(0).sweep().lrDecay()).isEqualTo(milestones);
        assertThat(arms.get(0).sweep().batchSchedule()).isEqualTo(EpochMilestones.NONE);
        assertThat(arms.get(1).sweep().batchSchedule()).isEqualTo(milestones);
        assertThat(arms.get(1).sweep().lrDecay()).isEqualTo(EpochMilestones.NONE);
        assertThat(arms.get(2).sweep().batchSchedule().isNone() && arms.get(2).sweep().lrDecay().isNone()).isTrue();
        assertThat(arms.get(3).sweep().batchSizes()).extracting(b -> b.resolve(1024)).containsExactly(512);
        for (Arm arm : arms) {
            assertThat(arm.sweep().epochs()).isEqualTo(6);
            assertThat(arm.sweep().lrs()).containsExactly(0.1);
            assertThat(arm.dataset()).isEqualTo(arms.get(0).dataset());
        }

        // as planned on the small scale's 1024 training rows: epochs of 32 steps, then 8 of 128, then 2 of 512
        var decay = SweepPlan.plan(arms.get(0).sweep(), List.of(table(1024))).get(0).spec().run();
        var increase = SweepPlan.plan(arms.get(1).sweep(), List.of(table(1024))).get(0).spec().run();
        assertThat(decay.schedule().milestones()).containsExactly(64L, 128L);
        assertThat(decay.schedule().rate(0.1, 127, 192)).isEqualTo(0.1 / 4);
        TrainingSchedule grown = TrainingSchedule.of(increase, 1024);
        assertThat(grown.totalSteps()).isEqualTo(2 * 32 + 2 * 8 + 2 * 2);
        assertThat(grown.firstStepOf(2)).isEqualTo(64);
        assertThat(grown.samplesOf(64)).isEqualTo(128);
        assertThat(grown.samplesOf(80)).isEqualTo(512);
    }

    /**
     * The edge-of-stability arms probe the whole training set every 10 steps of full-batch GD, so each probe's batch
     * sharpness is the curvature along the full-batch gradient, on a table with flipped labels.
     */
    @Test
    void edgeOfStabilityProbesTheFullBatchGradientEveryTenSteps() {
        for (Scale scale : Scale.values()) {
            List<Arm> arms = new EdgeOfStabilityExperiment().arms(scale, 2);
            assertThat(arms).extracting(Arm::name).containsExactly("lr0.5", "lr0.75", "lr1");
            for (Arm arm : arms) {
                assertThat(arm.dataset().fields()).containsEntry("flip_y", 0.2).containsEntry("train", 256);
                var run = SweepPlan.plan(arm.sweep(), List.of(table(256))).get(0).spec().run();
                assertThat(run.batchSize()).isEqualTo(256);
                assertThat(run.probeSize()).isEqualTo(256);
                assertThat(run.probeEverySteps()).isEqualTo(10);
            }
        }
    }

    /** A table of {@code n} training rows of 3 features and 2 classes (its values do not matter to a plan). */
    private static SweepDataset table(int n) {
        TensorData train = new TensorData(new float[3 * n], new int[n], new int[] {3}, 2);
        TensorData val = new TensorData(new float[3 * 10], new int[10], new int[] {3}, 2);
        LoadedDataset data = new LoadedDataset(LoadedDataset.TABULAR, "toy", "ab".repeat(32), List.of("0", "1"),
                train, val, null, Map.of(), List.of(), 0.3, null);
        return new SweepDataset(data, 0.3, LoadOptions.defaults());
    }
}
