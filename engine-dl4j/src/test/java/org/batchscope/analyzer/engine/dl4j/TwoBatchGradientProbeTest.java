package org.batchscope.analyzer.engine.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.EngineFixtures;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.LrSchedule;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.analyzer.metrics.GradientMoments;
import org.batchscope.analyzer.metrics.GradientNoiseScale;
import org.batchscope.common.BadInputException;
import org.junit.jupiter.api.Test;

class TwoBatchGradientProbeTest {

    private static final ModelArchitecture.LogisticRegression LOGREG = new ModelArchitecture.LogisticRegression(3, 2);
    private final TensorData train = EngineFixtures.data(24, new int[] {3}, 2, 1);

    private RunOutcome probeOnce(TensorData probe, EngineFixtures.Recording recording) {
        RunConfig config = new RunConfig(LOGREG, OptimizerSpec.sgd(0.5), LrSchedule.constant(), 8, Budget.steps(1), 2,
                Initialization.XAVIER, 0, 1, probe.count());
        return new Dl4jEngine().train(new TrainingJob(config, train, train, probe, null), recording);
    }

    @Test
    void withSmallBatchesOfOneItIsThePerExampleEstimator() {
        TensorData probe = EngineFixtures.data(8, new int[] {3}, 2, 7);
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        float[] w = probeOnce(probe, recording).model().parameters();

        // per-example gradients of softmax cross-entropy at the parameters after the step:
        // dW[i][c] = x_i (p_c - y_c), db[c] = p_c - y_c
        double[][] gradients = new double[8][];
        for (int s = 0; s < 8; s++) {
            double[] z = new double[2];
            for (int c = 0; c < 2; c++) {
                z[c] = w[6 + c];
                for (int i = 0; i < 3; i++) {
                    z[c] += probe.features()[s * 3 + i] * w[i * 2 + c];
                }
            }
            double p1 = 1 / (1 + Math.exp(z[0] - z[1]));
            double[] residual = {1 - p1 - (probe.labels()[s] == 0 ? 1 : 0), p1 - (probe.labels()[s] == 1 ? 1 : 0)};
            double[] g = new double[8];
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 3; i++) {
                    g[i * 2 + c] = probe.features()[s * 3 + i] * residual[c];
                }
                g[6 + c] = residual[c];
            }
            gradients[s] = g;
        }
        GradientMoments moments = GradientMoments.of(gradients);
        GradientNoiseScale expected = GradientNoiseScale.of(moments);

        RunRecorder.GradientProbe measured = recording.probes.get(0);
        assertThat(recording.probes).hasSize(1);
        assertThat(measured.step()).isEqualTo(1);
        assertThat(measured.estimator()).isEqualTo("two_batch");
        assertThat(measured.meanGsnr()).isNaN();
        assertThat(measured.gradientNorm()).isCloseTo(Math.sqrt(moments.squaredNormOfMean()), withinPercentage(1e-3));
        assertThat(measured.traceCovariance()).isCloseTo(expected.traceCovariance(), withinPercentage(1e-2));
        assertThat(measured.noiseScale()).isCloseTo(expected.bSimple(), withinPercentage(0.1));
    }

    @Test
    void needsAtLeastTwoProbeExamples() {
        TensorData probe = EngineFixtures.data(1, new int[] {3}, 2, 7);
        assertThatThrownBy(() -> probeOnce(probe, new EngineFixtures.Recording()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("probe_size");
    }
}
