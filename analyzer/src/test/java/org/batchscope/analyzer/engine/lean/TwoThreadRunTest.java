package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EngineFixtures.Recording;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.LrSchedule;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;
import org.junit.jupiter.api.Test;

/** The opt-in two-thread mode: same results as one thread up to float rounding, and reproducible. */
class TwoThreadRunTest {

    private static final ModelArchitecture CNN =
            new ModelArchitecture.SmallCnn(3, 16, 16, List.of(4, 8), List.of(8), 2);
    private static final ModelArchitecture MLP = new ModelArchitecture.Mlp(6, List.of(16), 3);

    private static TrainingJob job(ModelArchitecture model, TensorData data, int batchSize, OptimizerSpec optimizer,
            int evalEvery) {
        RunConfig config = new RunConfig(model, optimizer, LrSchedule.constant(), batchSize, Budget.steps(50), 7,
                Initialization.XAVIER, evalEvery, 0, 0);
        return new TrainingJob(config, data, data, null, null);
    }

    private static Recording run(int threads, TrainingJob job) {
        Recording r = new Recording();
        RunOutcome outcome = new LeanEngine(threads).train(job, r);
        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        return r;
    }

    private static void assertClose(List<Double> a, List<Double> b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(Math.abs(a.get(i) - b.get(i))).as("step %d: %s vs %s", i, a.get(i), b.get(i))
                    .isLessThanOrEqualTo(1e-5 * Math.abs(b.get(i)));
        }
    }

    private static void check(TrainingJob job) {
        Recording one = run(1, job);
        Recording two = run(2, job);
        Recording twoAgain = run(2, job);
        assertThat(two.losses).hasSize(50);
        assertClose(two.losses, one.losses);
        assertThat(twoAgain.losses).isEqualTo(two.losses);
        assertThat(twoAgain.accuracies).isEqualTo(two.accuracies);
        assertThat(two.accuracies).isEqualTo(one.accuracies);
        assertThat(twoAgain.evaluations).extracting(e -> e.validationLoss())
                .isEqualTo(two.evaluations.stream().map(e -> e.validationLoss()).toList());
    }

    @Test
    void cnnMatchesOneThreadAndRepeatsBitForBit() {
        // 23 samples at batch 8: slices of 8, 8 and 7 (halves 4 + 3)
        TensorData images = ToyData.random(23, new int[] {3, 16, 16}, 2, 11);
        check(job(CNN, images, 8, OptimizerSpec.sgd(0.05), 10));
    }

    @Test
    void cnnWithOddBatchAndAdam() {
        // 21 samples at batch 5: slices of 5 (halves 3 + 2) and a last slice of 1 (no split)
        TensorData images = ToyData.random(21, new int[] {3, 16, 16}, 2, 12);
        check(job(CNN, images, 5, OptimizerSpec.adam(0.001), 0));
    }

    @Test
    void mlpMatchesOneThreadAndRepeatsBitForBit() {
        TensorData data = ToyData.random(100, new int[] {6}, 3, 13);
        check(job(MLP, data, 32, OptimizerSpec.nesterov(0.05, 0.9), 10));
        check(job(MLP, data, 2, OptimizerSpec.sgd(0.1), 0));
    }

    @Test
    void batchOneRunsOnOneThreadWithIdenticalResults() {
        TensorData data = ToyData.random(30, new int[] {6}, 3, 14);
        TrainingJob job = job(MLP, data, 1, OptimizerSpec.sgd(0.1), 0);
        assertThat(run(2, job).losses).isEqualTo(run(1, job).losses);
    }

    @Test
    void theSystemPropertyPicksTheThreadsAndOtherCountsAreRejected() {
        String old = System.getProperty(LeanEngine.THREADS_PER_RUN_PROPERTY);
        try {
            System.setProperty(LeanEngine.THREADS_PER_RUN_PROPERTY, "2");
            assertThat(new LeanEngine().threadsPerRun()).isEqualTo(2);
            System.clearProperty(LeanEngine.THREADS_PER_RUN_PROPERTY);
            assertThat(new LeanEngine().threadsPerRun()).isEqualTo(1);
            System.setProperty(LeanEngine.THREADS_PER_RUN_PROPERTY, "3");
            TensorData data = ToyData.random(10, new int[] {6}, 3, 15);
            assertThatThrownBy(() -> new LeanEngine().train(job(MLP, data, 4, OptimizerSpec.sgd(0.1), 0), new Recording()))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            if (old == null) {
                System.clearProperty(LeanEngine.THREADS_PER_RUN_PROPERTY);
            } else {
                System.setProperty(LeanEngine.THREADS_PER_RUN_PROPERTY, old);
            }
        }
        assertThatThrownBy(() -> new LeanEngine(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
