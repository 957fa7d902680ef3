package org.batchscope.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link TrainingEngine}, run over every engine registered on the test class path (as
 * Commons RNG's ProvidersCommonParametricTest runs over every provider): the shared start and batches,
 * bit-reproducible repeats also beside another run, divergence returned and not thrown, and the loop's
 * schedule, also under a batch schedule (the same minibatches for every engine). Each module with engines has a concrete subclass naming the engines it expects, so a
 * registration that goes missing fails instead of shrinking the test.
 */
public abstract class TrainingEngineContract {

    private static final ModelArchitecture LOGREG = new ModelArchitecture.LogisticRegression(4, 3);
    private static final ModelArchitecture MLP = new ModelArchitecture.Mlp(20, List.of(16), 3);
    private static final TensorData LOGREG_DATA = EngineFixtures.data(40, new int[] {4}, 3, 1);
    private static final TensorData MLP_TRAIN = EngineFixtures.data(40, new int[] {20}, 3, 2);
    private static final TensorData MLP_VALIDATION = EngineFixtures.data(30, new int[] {20}, 3, 3);

    /** Field-by-field, every float and double by its bits (Double.equals: NaN equals NaN, 0.0 differs from -0.0). */
    private static final RecursiveComparisonConfiguration BIT_EXACT = RecursiveComparisonConfiguration.builder()
            .withIgnoredFields("model").withEqualsForType(Object::equals, Double.class)
            .withEqualsForType(Object::equals, Float.class).build();

    /** @return the names of the engines this module's test class path must register */
    protected abstract List<String> expectedEngines();

    static List<TrainingEngine> engines() {
        return TrainingEngines.all();
    }

    @Test
    void theExpectedEnginesAreRegisteredByRank() {
        assertThat(engines()).extracting(TrainingEngine::name).containsAll(expectedEngines());
        assertThat(engines()).extracting(TrainingEngine::rank).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void firstStepSeesTheSharedStartAndTheFirstMinibatchOfTheSharedOrder(TrainingEngine engine) {
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        engine.train(new TrainingJob(EngineFixtures.config(LOGREG, OptimizerSpec.sgd(0.1), 8, 1, 5), LOGREG_DATA,
                LOGREG_DATA, null, null), recording);

        // the mean cross-entropy and accuracy of samples order[0..8) at the seed-5 Xavier start, in double
        float[] w = ParameterInitializer.initialize(ParameterLayout.of(LOGREG), Initialization.XAVIER, 5);
        int[] order = BatchPlan.epochOrder(5, 0, 40);
        double[] expected = logregLossAndAccuracy(w, order, 0, 8);
        // float32 arithmetic on values of order 1: 1e-6 absolute
        assertThat(recording.losses).hasSize(1);
        assertThat(recording.losses.get(0)).isCloseTo(expected[0], within(1e-6));
        assertThat(recording.accuracies.get(0)).isEqualTo(expected[1]);
        assertThat(recording.rates.get(0)).isEqualTo(0.1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void repeatsAreBitIdenticalAloneAndBesideAnotherRun(TrainingEngine engine) throws Exception {
        TrainingJob job = mlpJob(OptimizerSpec.adam(0.01), 4, Budget.steps(30), 7, 10);
        Run alone = Run.of(engine, job);
        Run again = Run.of(engine, job);
        assertThat(again).usingRecursiveComparison(BIT_EXACT).isEqualTo(alone);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> first = pool.submit(() -> Run.of(engine, job));
            Future<Run> second = pool.submit(() -> Run.of(engine, job));
            assertThat(first.get()).usingRecursiveComparison(BIT_EXACT).isEqualTo(alone);
            assertThat(second.get()).usingRecursiveComparison(BIT_EXACT).isEqualTo(alone);
        } finally {
            pool.shutdown();
        }
        assertThat(alone.recording.losses).hasSize(30);
        assertThat(alone.recording.probes).hasSize(3);
        assertThat(alone.recording.evaluations).hasSize(7); // every 7 steps, and at 10, 20, 30
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aNonFiniteLossEndsTheRunAsDivergedWithoutAnException(TrainingEngine engine) {
        float[] broken = new float[ParameterLayout.of(LOGREG).size()];
        Arrays.fill(broken, Float.NaN);
        EngineFixtures.Recording atStart = new EngineFixtures.Recording();
        RunOutcome fromNaN = engine.train(new TrainingJob(EngineFixtures.config(LOGREG, OptimizerSpec.sgd(0.1), 8,
                10, 5), LOGREG_DATA, LOGREG_DATA, null, broken), atStart);
        assertThat(fromNaN.status()).isEqualTo(RunOutcome.Status.DIVERGED);
        assertThat(fromNaN.divergedAtStep()).isZero();
        assertThat(fromNaN.steps()).isEqualTo(1);
        assertThat(fromNaN.model()).isNull();
        assertThat(atStart.losses).isEmpty();

        EngineFixtures.Recording exploding = new EngineFixtures.Recording();
        RunOutcome blownUp = engine.train(new TrainingJob(EngineFixtures.config(LOGREG, OptimizerSpec.adam(1e38), 8,
                50, 5), LOGREG_DATA, LOGREG_DATA, null, null), exploding);
        assertThat(blownUp.status()).isEqualTo(RunOutcome.Status.DIVERGED);
        assertThat(blownUp.divergedAtStep()).isPositive().isEqualTo(exploding.losses.size());
        assertThat(blownUp.model()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void evaluatesAtEpochEndsEveryKStepsAndTheEndAndProbesEveryKSteps(TrainingEngine engine) {
        // 40 samples at batch 16: 3 steps per epoch (the last of 8 samples); 2 epochs = 6 steps;
        // evaluations at the epoch ends 3 and 6 and every 4 steps: 3, 4, 6; probes every 2 steps: 2, 4, 6
        TrainingJob job = mlpJob(OptimizerSpec.sgd(0.1), 16, Budget.epochs(2), 4, 2);
        Run run = Run.of(engine, job);
        assertThat(run.recording.losses).hasSize(6);
        assertThat(run.recording.epochs).containsExactly(0L, 0L, 0L, 1L, 1L, 1L);
        assertThat(run.recording.evaluations).extracting(RunRecorder.Evaluation::step).containsExactly(3L, 4L, 6L);
        assertThat(run.recording.evaluations).extracting(RunRecorder.Evaluation::epoch)
                .containsExactly(1.0, 4.0 / 3, 2.0);
        assertThat(run.recording.probes).extracting(RunRecorder.GradientProbe::step).containsExactly(2L, 4L, 6L);
        RunRecorder.Evaluation last = run.recording.evaluations.get(2);
        assertThat(last.validationPredicts()).containsExactly(run.model().predict(MLP_VALIDATION));
        assertThat(last.validationLoss()).isCloseTo(run.model().meanLoss(MLP_VALIDATION), within(1e-6));
        assertThat(last.trainAccuracy()).isEqualTo(run.model().accuracy(MLP_TRAIN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void underABatchScheduleEveryEpochIsCutFromItsOwnOrderAtItsOwnBatchSize(TrainingEngine engine) {
        // 40 samples, B = 8 doubled at the start of epochs 1 and 2 (2@1,2), 3 epochs: 5 steps of 8, then
        // 16, 16, 8, then 32, 8: 10 steps, epoch ends after steps 5, 8 and 10. The rate 1e-30 (halved at steps
        // 5 and 8) leaves the float32 weights where they start (|w| >> 1e-30 |g|), so every step's loss and
        // accuracy are the starting weights' on exactly that step's minibatch, computed here in double.
        RunConfig config = new RunConfig(LOGREG, OptimizerSpec.sgd(1e-30), LrSchedule.milestones(0.5, List.of(5L, 8L)),
                8, Budget.epochs(3), 5, Initialization.XAVIER, 0, 0, 0, new EpochMilestones(2, List.of(1L, 2L)));
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        RunOutcome outcome = engine.train(new TrainingJob(config, LOGREG_DATA, LOGREG_DATA, null, null), recording);

        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(outcome.steps()).isEqualTo(10);
        assertThat(recording.epochs).containsExactly(0L, 0L, 0L, 0L, 0L, 1L, 1L, 1L, 2L, 2L);
        int[][] slices = {{0, 0, 8}, {0, 8, 8}, {0, 16, 8}, {0, 24, 8}, {0, 32, 8}, {1, 0, 16}, {1, 16, 16},
            {1, 32, 8}, {2, 0, 32}, {2, 32, 8}}; // epoch, first position, size
        float[] w = ParameterInitializer.initialize(ParameterLayout.of(LOGREG), Initialization.XAVIER, 5);
        for (int t = 0; t < slices.length; t++) {
            int[] order = BatchPlan.epochOrder(5, slices[t][0], 40);
            double[] expected = logregLossAndAccuracy(w, order, slices[t][1], slices[t][2]);
            // float32 arithmetic on values of order 1: 1e-6 absolute
            assertThat(recording.losses.get(t)).as("loss of step %d", t).isCloseTo(expected[0], within(1e-6));
            assertThat(recording.accuracies.get(t)).as("accuracy of step %d", t).isEqualTo(expected[1]);
        }
        assertThat(recording.rates).containsExactly(1e-30, 1e-30, 1e-30, 1e-30, 1e-30, 5e-31, 5e-31, 5e-31,
                2.5e-31, 2.5e-31);
        assertThat(recording.evaluations).extracting(RunRecorder.Evaluation::step).containsExactly(5L, 8L, 10L);
        assertThat(recording.evaluations).extracting(RunRecorder.Evaluation::epoch).containsExactly(1.0, 2.0, 3.0);
    }

    /**
     * @return the mean cross-entropy and the accuracy of logistic regression {@code w} (LOGREG's layout) on
     *         samples order[from..from+count) of LOGREG_DATA, in double
     */
    private static double[] logregLossAndAccuracy(float[] w, int[] order, int from, int count) {
        double loss = 0;
        int right = 0;
        for (int s = from; s < from + count; s++) {
            int sample = order[s];
            double[] z = new double[3];
            for (int c = 0; c < 3; c++) {
                z[c] = w[12 + c];
                for (int i = 0; i < 4; i++) {
                    z[c] += LOGREG_DATA.features()[sample * 4 + i] * w[i * 3 + c];
                }
            }
            double max = Arrays.stream(z).max().orElseThrow();
            double logSum = max + Math.log(Arrays.stream(z).map(v -> Math.exp(v - max)).sum());
            loss += (logSum - z[LOGREG_DATA.labels()[sample]]) / count;
            right += z[LOGREG_DATA.labels()[sample]] == max ? 1 : 0;
        }
        return new double[] {loss, (double) right / count};
    }

    private static TrainingJob mlpJob(OptimizerSpec optimizer, int batchSize, Budget budget, int evalEvery,
            int probeEvery) {
        RunConfig config = new RunConfig(MLP, optimizer, LrSchedule.constant(), batchSize, budget, 3,
                Initialization.XAVIER, evalEvery, probeEvery, 8);
        return new TrainingJob(config, MLP_TRAIN, MLP_VALIDATION, MLP_TRAIN.select(new int[] {0, 1, 2, 3, 4, 5, 6, 7}),
                null);
    }

    /** Everything a run reports, its length, its final parameters and its model. */
    private record Run(EngineFixtures.Recording recording, long steps, float[] parameters, TrainedModel model) {
        static Run of(TrainingEngine engine, TrainingJob job) {
            EngineFixtures.Recording recording = new EngineFixtures.Recording();
            RunOutcome outcome = engine.train(job, recording);
            assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
            return new Run(recording, outcome.steps(), outcome.model().parameters(), outcome.model());
        }
    }
}
