package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EngineFixtures.Recording;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.LrSchedule;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;
import org.junit.jupiter.api.Test;

/**
 * The lean engine's per-example probe against a direct computation from stored per-example gradients
 * (the estimators themselves are tested in {@code org.batchscope.analyzer.metrics}).
 */
class GradientProbeTest {

    /**
     * Logistic regression from fixed weights: example i's gradient is {@code dW[j][k] = x_ij (p_ik -
     * [k == y_i])}, {@code db[k] = p_ik - [k == y_i]}, computed here in double from its softmax.
     */
    @Test
    void engineProbeMatchesPerExampleGradientsComputedDirectly() {
        var model = new ModelArchitecture.LogisticRegression(3, 2);
        TensorData train = ToyData.separable(8, 3, 7);
        TensorData probe = ToyData.separable(5, 3, 8);
        float[] initial = {0.3f, -0.2f, 0.1f, 0.4f, -0.5f, 0.2f, 0.05f, -0.05f};
        // a learning rate this small leaves the weights at `initial` to within float rounding at the probe
        RunConfig config = new RunConfig(model, OptimizerSpec.sgd(1e-30), LrSchedule.constant(), 8, Budget.steps(1),
                1, Initialization.XAVIER, 0, 1, probe.count());
        Recording r = new Recording();
        new LeanEngine().train(new TrainingJob(config, train, train, probe, initial), r);
        assertThat(r.probes).hasSize(1);
        RunRecorder.GradientProbe measured = r.probes.get(0);

        int n = probe.count();
        double[][] g = new double[n][8];
        for (int i = 0; i < n; i++) {
            double[] z = {initial[6], initial[7]};
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    z[k] += probe.features()[i * 3 + j] * initial[j * 2 + k];
                }
            }
            double p1 = 1 / (1 + Math.exp(z[0] - z[1]));
            double[] d = {1 - p1 - (probe.labels()[i] == 0 ? 1 : 0), p1 - (probe.labels()[i] == 1 ? 1 : 0)};
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    g[i][j * 2 + k] = probe.features()[i * 3 + j] * d[k];
                }
            }
            g[i][6] = d[0];
            g[i][7] = d[1];
        }
        double meanSq = 0;
        double trace = 0;
        double gsnr = 0;
        for (int p = 0; p < 8; p++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += g[i][p] / n;
            }
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (g[i][p] - mean) * (g[i][p] - mean);
            }
            meanSq += mean * mean;
            trace += ss / (n - 1);
            gsnr += (mean * mean / (ss / (n - 1)) - 1.0 / n) / 8;
        }
        double unbiased = meanSq - trace / n;
        assertThat(measured.estimator()).isEqualTo("per_example");
        assertThat(measured.step()).isEqualTo(1);
        assertThat(measured.gradientNorm()).isCloseTo(Math.sqrt(meanSq), within(1e-6));
        assertThat(measured.traceCovariance()).isCloseTo(trace, within(1e-6));
        assertThat(measured.squaredNorm()).isCloseTo(unbiased, within(1e-6));
        double expectedScale = unbiased > 0 ? trace / unbiased : Double.POSITIVE_INFINITY;
        assertThat(measured.noiseScale()).isCloseTo(expectedScale, within(1e-4 * Math.abs(expectedScale)));
        assertThat(measured.meanGsnr()).isCloseTo(gsnr, within(1e-5));
    }
}
