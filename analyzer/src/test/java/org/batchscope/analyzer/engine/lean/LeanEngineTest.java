package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EngineFixtures.Recording;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.LrSchedule;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingEngines;
import org.batchscope.analyzer.engine.TrainingJob;
import org.junit.jupiter.api.Test;

/** The engine end to end: learning, divergence, recording, reproducibility, registration. */
class LeanEngineTest {

    private static final TensorData TRAIN = ToyData.separable(200, 4, 1);
    private static final TensorData VALIDATION = ToyData.separable(50, 4, 2);

    private static RunConfig config(ModelArchitecture model, OptimizerSpec optimizer, int batchSize, long epochs) {
        return new RunConfig(model, optimizer, LrSchedule.constant(), batchSize, Budget.epochs(epochs), 42,
                Initialization.XAVIER, 0, 0, 0);
    }

    private static TrainingJob job(RunConfig config) {
        return new TrainingJob(config, TRAIN, VALIDATION, null, null);
    }

    @Test
    void logisticRegressionLearnsASeparableSet() {
        Recording r = new Recording();
        RunOutcome outcome = new LeanEngine().train(job(config(new ModelArchitecture.LogisticRegression(4, 2),
                OptimizerSpec.sgd(0.5), 8, 30)), r);
        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(r.evaluations).hasSize(30);
        assertThat(r.evaluations.get(29).trainAccuracy()).isGreaterThan(0.95);
        assertThat(outcome.model().accuracy(TRAIN)).isEqualTo(r.evaluations.get(29).trainAccuracy());
    }

    @Test
    void mlpWithAdamLearnsASeparableSet() {
        Recording r = new Recording();
        var mlp = new ModelArchitecture.Mlp(4, List.of(16), 2);
        RunOutcome outcome = new LeanEngine().train(job(config(mlp, OptimizerSpec.adam(0.01), 4, 20)), r);
        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(r.evaluations.get(r.evaluations.size() - 1).trainAccuracy()).isGreaterThan(0.95);
    }

    @Test
    void recordsEveryStepAndEvaluatesPerEpochAndEveryKSteps() {
        Recording r = new Recording();
        // 200 samples at batch 32: 7 steps per epoch (the last of 8 samples); 2 epochs = 14 steps;
        // evaluations every 5 steps and at each epoch end: after 5, 7, 10, 14
        RunConfig config = new RunConfig(new ModelArchitecture.LogisticRegression(4, 2), OptimizerSpec.sgd(0.1),
                new LrSchedule(LrSchedule.Kind.COSINE, 2, 1, 1.0), 32, Budget.epochs(2), 3, Initialization.HE, 5, 0, 0);
        new LeanEngine().train(job(config), r);
        assertThat(r.losses).hasSize(14);
        assertThat(r.evaluations).extracting(e -> e.step()).containsExactly(5L, 7L, 10L, 14L);
        assertThat(r.evaluations.get(1).epoch()).isEqualTo(1.0);
        assertThat(r.evaluations.get(0).validationPredicts()).hasSize(50)
                .isNotSameAs(r.evaluations.get(1).validationPredicts());
        assertThat(r.rates.get(0)).isEqualTo(config.schedule().rate(0.1, 0, 14));
        assertThat(r.rates.get(13)).isEqualTo(config.schedule().rate(0.1, 13, 14));
    }

    @Test
    void concurrentRunsMatchSequentialRuns() throws Exception {
        var cnn = new ModelArchitecture.SmallCnn(2, 8, 8, List.of(3), List.of(5), 2);
        TensorData images = ToyData.random(40, new int[] {2, 8, 8}, 2, 6);
        TrainingJob cnnJob = new TrainingJob(config(cnn, OptimizerSpec.adam(0.01), 8, 3), images, images, null, null);
        TrainingJob mlpJob = job(config(new ModelArchitecture.Mlp(4, List.of(8), 2), OptimizerSpec.sgd(0.1), 2, 3));
        List<Double> cnnAlone = losses(cnnJob);
        List<Double> mlpAlone = losses(mlpJob);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Double>> cnnBeside = pool.submit(() -> losses(cnnJob));
            Future<List<Double>> mlpBeside = pool.submit(() -> losses(mlpJob));
            assertThat(cnnBeside.get()).isEqualTo(cnnAlone);
            assertThat(mlpBeside.get()).isEqualTo(mlpAlone);
        } finally {
            pool.shutdown();
        }
    }

    private static List<Double> losses(TrainingJob job) {
        Recording r = new Recording();
        new LeanEngine().train(job, r);
        return r.losses;
    }

    @Test
    void isRegisteredFirstAndSupportsTheBuiltInModels() {
        assertThat(TrainingEngines.all().get(0)).isInstanceOf(LeanEngine.class);
        assertThat(TrainingEngines.byName("lean").supports(new ModelArchitecture.Mlp(3, List.of(2), 2))).isTrue();
        assertThat(new LeanEngine().supports(new ModelArchitecture.UserDl4jModel("m.zip", new int[] {3}, 2))).isFalse();
    }
}
