package org.batchscope.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lean and dl4j engines agree: from the same initial weights (the same seed), the same batch order
 * and the same hyperparameters, their minibatch losses over the first 100 steps differ by less than
 * 1e-3 relative, |a - b| / max(|a|, |b|). 60 training samples at batch size 8 give 8 steps per epoch,
 * the last of 4 samples, so the 100 steps cross 12 reshuffles. Both engines compute in float32 with
 * different summation orders, so the losses drift apart slowly; the measured maxima are in the README.
 * Learning rates keep the losses above about 1e-3: a loss near 0 is the difference of two nearly equal
 * floats (logsumexp and the true logit) and its relative rounding error grows without bound.
 */
class EngineEquivalenceTest {

    private static final int STEPS = 100;

    static Stream<Arguments> cases() {
        var logreg = new ModelArchitecture.LogisticRegression(20, 3);
        var mlp = new ModelArchitecture.Mlp(20, List.of(16), 3);
        var cnn = new ModelArchitecture.SmallCnn(3, 16, 16, List.of(4, 8), List.of(16), 2);
        var cosine = new LrSchedule(LrSchedule.Kind.COSINE, 10, 1, 1.0);
        var decayed = new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.1, 0, 0.9, 0.999, 1e-8, 1e-3);
        var momentum = new OptimizerSpec(OptimizerSpec.Kind.MOMENTUM, 0.02, 0.9, 0.9, 0.999, 1e-8, 0);
        return Stream.of(
                Arguments.of("logreg sgd", logreg, OptimizerSpec.sgd(0.1), LrSchedule.constant()),
                Arguments.of("mlp sgd", mlp, OptimizerSpec.sgd(0.1), LrSchedule.constant()),
                Arguments.of("mlp nesterov", mlp, OptimizerSpec.nesterov(0.05, 0.9), LrSchedule.constant()),
                Arguments.of("mlp momentum", mlp, momentum, LrSchedule.constant()),
                Arguments.of("mlp adam", mlp, OptimizerSpec.adam(0.01), LrSchedule.constant()),
                Arguments.of("mlp sgd, weight decay, warm-up + cosine", mlp, decayed, cosine),
                Arguments.of("cnn sgd", cnn, OptimizerSpec.sgd(0.1), LrSchedule.constant()),
                Arguments.of("cnn momentum", cnn, momentum.withLearningRate(0.005), LrSchedule.constant()),
                Arguments.of("cnn nesterov", cnn, OptimizerSpec.nesterov(0.005, 0.9), LrSchedule.constant()),
                Arguments.of("cnn adam", cnn, OptimizerSpec.adam(0.003), LrSchedule.constant()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void leanAndDl4jGiveTheSameMinibatchLosses(String name, ModelArchitecture model, OptimizerSpec optimizer,
            LrSchedule schedule) {
        TensorData train = EngineFixtures.data(60, model.inputShape(), model.classes(), 11);
        TensorData validation = EngineFixtures.data(20, model.inputShape(), model.classes(), 12);
        RunConfig config = new RunConfig(model, optimizer, schedule, 8, Budget.steps(STEPS), 21,
                Initialization.XAVIER, 0, 0, 0);
        TrainingJob job = new TrainingJob(config, train, validation, null, null);
        List<Double> lean = losses(TrainingEngines.byName("lean"), job);
        List<Double> dl4j = losses(TrainingEngines.byName("dl4j"), job);

        assertThat(lean).hasSize(STEPS);
        assertThat(dl4j).hasSize(STEPS);
        double worst = 0;
        for (int t = 0; t < STEPS; t++) {
            double a = lean.get(t);
            double b = dl4j.get(t);
            worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
        }
        System.out.printf("equivalence %-42s max relative difference %.2e (loss %.4f -> %.4f)%n", name, worst,
                lean.get(0), lean.get(STEPS - 1));
        assertThat(worst).as("largest relative loss difference").isLessThan(1e-3);
        assertThat(lean.get(STEPS - 1)).as("the run learns").isLessThan(lean.get(0));
    }

    private static List<Double> losses(TrainingEngine engine, TrainingJob job) {
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        RunOutcome outcome = engine.train(job, recording);
        assertThat(outcome.status()).as(engine.name()).isEqualTo(RunOutcome.Status.COMPLETED);
        return recording.losses;
    }
}
