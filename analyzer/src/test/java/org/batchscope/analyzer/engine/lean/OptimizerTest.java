package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EngineFixtures.Recording;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.LrSchedule;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;
import org.junit.jupiter.api.Test;

/** Two updates of each optimiser against values computed by hand from OptimizerSpec's formulas. */
class OptimizerTest {

    private static final float[] G1 = {0.5f, -1f};
    private static final float[] G2 = {0.25f, 2f};

    private static float[] twoSteps(Optimizer optimizer) {
        float[] w = {1f, -2f};
        optimizer.update(w, G1, 0.1, 1);
        optimizer.update(w, G2, 0.1, 2);
        return w;
    }

    @Test
    void sgd() {
        // w = 1 - 0.1*0.5 - 0.1*0.25 = 0.925; -2 + 0.1 - 0.2 = -2.1
        assertThat(twoSteps(new Sgd())).containsExactly(new float[] {0.925f, -2.1f}, within(1e-6f));
    }

    @Test
    void momentum() {
        // v1 = g1 = (0.5, -1); w1 = (0.95, -1.9); v2 = 0.9 v1 + g2 = (0.7, 1.1); w2 = (0.88, -2.01)
        assertThat(twoSteps(new Momentum(0.9, 2))).containsExactly(new float[] {0.88f, -2.01f}, within(1e-6f));
    }

    @Test
    void nesterov() {
        // v1 = -0.1 g1 = (-0.05, 0.1); w1 = w0 + 1.9 v1 = (0.905, -1.81)
        // v2 = 0.9 v1 - 0.1 g2 = (-0.07, -0.11); w2 = w1 - 0.9 v1 + 1.9 v2 = (0.817, -2.109)
        assertThat(twoSteps(new Nesterov(0.9, 2))).containsExactly(new float[] {0.817f, -2.109f}, within(1e-6f));
    }

    @Test
    void adam() {
        // t=1: m = 0.1 g1, v = 0.001 g1^2, a1 = 0.1 sqrt(0.001)/0.1; step = a1 m/(sqrt v + eps) = 0.1 sign(g1)
        // t=2 for w[0]: m = 0.09*0.5 + 0.1*0.25 = 0.07; v = 0.999*0.00025 + 0.001*0.0625 = 0.00031225
        // a2 = 0.1 sqrt(1 - 0.999^2) / (1 - 0.81); step = a2 * 0.07 / sqrt(0.00031225)
        double a2 = 0.1 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81);
        double w0 = 1 - 0.1 - a2 * 0.07 / (Math.sqrt(0.00031225) + 1e-8);
        // w[1]: m = 0.09*(-1) + 0.1*2 = 0.11; v = 0.999*0.001 + 0.001*4 = 0.004999
        double w1 = -2 + 0.1 - a2 * 0.11 / (Math.sqrt(0.004999) + 1e-8);
        assertThat(twoSteps(new Adam(0.9, 0.999, 1e-8, 2)))
                .containsExactly(new float[] {(float) w0, (float) w1}, within(1e-5f));
    }

    @Test
    void weightDecayAddsLambdaTimesWeightsButNotToBiases() {
        ParameterLayout layout = ParameterLayout.of(new ModelArchitecture.LogisticRegression(2, 2));
        float[] params = {1, 2, 3, 4, 5, 6};
        float[] grads = {0, 0, 0, 0, 1, 1};
        new WeightDecay(layout, 0.5).addTo(grads, params);
        assertThat(grads).containsExactly(0.5f, 1f, 1.5f, 2f, 1f, 1f);
    }

    /**
     * One SGD step of logistic regression 2 -> 2 from zero weights on x = (1, 2), label 0: logits 0, p =
     * (0.5, 0.5), loss ln 2, dz = (-0.5, 0.5), dW[i][o] = x_i dz_o, db = dz; lr 0.5 gives W = [[0.25,
     * -0.25], [0.5, -0.5]], b = (0.25, -0.25).
     */
    @Test
    void oneEngineStepMatchesTheHandComputedUpdate() {
        var model = new ModelArchitecture.LogisticRegression(2, 2);
        TensorData one = new TensorData(new float[] {1, 2}, new int[] {0}, new int[] {2}, 2);
        RunConfig config = new RunConfig(model, OptimizerSpec.sgd(0.5), LrSchedule.constant(), 1, Budget.steps(1),
                1, Initialization.XAVIER, 0, 0, 0);
        Recording recording = new Recording();
        RunOutcome outcome = new LeanEngine().train(new TrainingJob(config, one, one, null, new float[6]), recording);
        assertThat(recording.losses).containsExactly(Math.log(2));
        assertThat(outcome.model().parameters())
                .containsExactly(new float[] {0.25f, -0.25f, 0.5f, -0.5f, 0.25f, -0.25f}, within(1e-7f));
    }

    @Test
    void optimizerFactoryFollowsTheSpec() {
        assertThat(Optimizer.of(OptimizerSpec.adam(0.1), 3)).isInstanceOf(Adam.class);
        assertThat(Optimizer.of(OptimizerSpec.nesterov(0.1, 0.9), 3)).isInstanceOf(Nesterov.class);
        assertThat(Optimizer.of(new OptimizerSpec(OptimizerSpec.Kind.MOMENTUM, 0.1, 0.9, 0.9, 0.999, 1e-8, 0), 3))
                .isInstanceOf(Momentum.class);
        assertThat(Optimizer.of(OptimizerSpec.sgd(0.1), 3)).isInstanceOf(Sgd.class);
    }
}
