package org.batchscope.analyzer.engine.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batchscope.analyzer.engine.BatchPlan;
import org.batchscope.analyzer.engine.BlasKernel;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EngineFixtures;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.LrSchedule;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingEngines;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.common.BadInputException;
import org.junit.jupiter.api.Test;

class Dl4jEngineTest {

    private static final ModelArchitecture.LogisticRegression LOGREG = new ModelArchitecture.LogisticRegression(4, 3);
    private static final ModelArchitecture.Mlp MLP = new ModelArchitecture.Mlp(20, List.of(16), 3);
    private static final ModelArchitecture.SmallCnn CNN =
            new ModelArchitecture.SmallCnn(3, 16, 16, List.of(4, 8), List.of(16), 2);

    private final Dl4jEngine engine = new Dl4jEngine();
    private final TensorData logregData = EngineFixtures.data(40, new int[] {4}, 3, 1);

    private static TrainingJob job(RunConfig config, TensorData train) {
        return new TrainingJob(config, train, train, null, null);
    }

    private static EngineFixtures.Recording run(TrainingJob job) {
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        RunOutcome outcome = new Dl4jEngine().train(job, recording);
        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        return recording;
    }

    @Test
    void isRegisteredAndSupportsEveryModel() {
        assertThat(TrainingEngines.byName("dl4j")).isInstanceOf(Dl4jEngine.class);
        assertThat(engine.supports(CNN)).isTrue();
        assertThat(engine.supports(new ModelArchitecture.UserDl4jModel("m.zip", new int[] {4}, 3))).isTrue();
    }

    @Test
    void sgdStepFollowsTheFormulaWithWeightDecayAndWarmUp() {
        float[] start = ParameterInitializer.initialize(ParameterLayout.of(LOGREG), Initialization.XAVIER, 5);
        float[] plain = oneStep(OptimizerSpec.sgd(0.1), LrSchedule.constant());
        float[] decayed = oneStep(new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.1, 0, 0.9, 0.999, 1e-8, 0.5),
                LrSchedule.constant());
        float[] warm = oneStep(OptimizerSpec.sgd(0.1), new LrSchedule(LrSchedule.Kind.CONSTANT, 2, 1, 1.0));
        for (int i = 0; i < start.length; i++) {
            boolean weight = i < 12;
            // w1 = w0 - lr (g + wd w0) on weights, b1 = b0 - lr g on biases
            double decay = weight ? -0.1 * 0.5 * start[i] : 0;
            assertThat((double) decayed[i] - plain[i]).as("parameter %d", i).isCloseTo(decay, within(1e-6));
            // warm-up: step 0 uses (0 + 1) / 2 of the rate
            assertThat((double) warm[i] - start[i]).isCloseTo(0.5 * (plain[i] - start[i]), within(1e-6));
        }
    }

    private float[] oneStep(OptimizerSpec optimizer, LrSchedule schedule) {
        RunConfig config = new RunConfig(LOGREG, optimizer, schedule, 8, Budget.steps(1), 5, Initialization.XAVIER,
                0, 0, 0);
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        RunOutcome outcome = engine.train(job(config, logregData), recording);
        if (optimizer.weightDecay() > 0) {
            // the recorded loss leaves out DL4J's L2 penalty
            EngineFixtures.Recording plain = run(job(EngineFixtures.config(LOGREG, OptimizerSpec.sgd(0.1), 8, 1, 5),
                    logregData));
            assertThat(recording.losses.get(0)).isCloseTo(plain.losses.get(0), within(1e-6));
        }
        return outcome.model().parameters();
    }

    @Test
    void runsAreBitReproducibleAlsoBesideAnotherRun() throws Exception {
        TrainingJob mlp = job(EngineFixtures.config(MLP, OptimizerSpec.adam(0.01), 4, 60, 3),
                EngineFixtures.data(64, new int[] {20}, 3, 2));
        TrainingJob cnn = job(EngineFixtures.config(CNN, OptimizerSpec.nesterov(0.05, 0.9), 8, 20, 3),
                EngineFixtures.data(32, new int[] {3, 16, 16}, 2, 2));
        List<Double> mlpAlone = run(mlp).losses;
        List<Double> cnnAlone = run(cnn).losses;
        assertThat(run(mlp).losses).isEqualTo(mlpAlone);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Double>> mlpBeside = pool.submit(() -> run(mlp).losses);
            Future<List<Double>> cnnBeside = pool.submit(() -> run(cnn).losses);
            assertThat(mlpBeside.get()).isEqualTo(mlpAlone);
            assertThat(cnnBeside.get()).isEqualTo(cnnAlone);
        } finally {
            pool.shutdown();
        }
        assertThat(mlpAlone.get(59)).isLessThan(mlpAlone.get(0));
    }

    @Test
    void heavyBallMomentumStartsLikeSgd() {
        // v_0 = 0, so step 0 is v = g, w -= lr g: the SGD step
        OptimizerSpec momentum = new OptimizerSpec(OptimizerSpec.Kind.MOMENTUM, 0.1, 0.9, 0.9, 0.999, 1e-8, 0);
        assertThat(oneStep(momentum, LrSchedule.constant()))
                .containsExactly(oneStep(OptimizerSpec.sgd(0.1), LrSchedule.constant()));
    }

    @Test
    void refusesDataOfAnotherShape() {
        RunConfig config = EngineFixtures.config(MLP, OptimizerSpec.sgd(0.1), 8, 1, 5);
        assertThatThrownBy(() -> engine.train(job(config, logregData), RunRecorder.discarding()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("[20]").hasMessageContaining("[4]");
    }

    /** The test JVMs pin OpenBLAS's kernels as the launcher does, so a dl4j run's config has no kernel entry. */
    @Test
    void pinnedKernelsAddNothingToARunsConfig() {
        assertThat(System.getenv(BlasKernel.VARIABLE)).isEqualTo(BlasKernel.PINNED);
        assertThat(new Dl4jEngine().numericSettings()).isEmpty();
    }
}
