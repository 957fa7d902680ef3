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

        double[][] gradients = perExampleGradients(probe, w);
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

    /**
     * Per-example gradients of softmax cross-entropy for the 3-feature, 2-class logistic regression at
     * {@code w} (W [3][2] then b [2]): dW[i][c] = x_i (p_c - y_c), db[c] = p_c - y_c.
     */
    private static double[][] perExampleGradients(TensorData probe, float[] w) {
        int n = probe.count();
        double[][] gradients = new double[n][];
        for (int s = 0; s < n; s++) {
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
        return gradients;
    }

    /** @return |mean of gradients[order[from .. from + count - 1]]|^2 */
    private static double squaredNormOfMean(double[][] gradients, int[] order, int from, int count) {
        double[] mean = new double[gradients[0].length];
        for (int k = from; k < from + count; k++) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += gradients[order[k]][j] / count;
            }
        }
        double s = 0;
        for (double m : mean) {
            s += m * m;
        }
        return s;
    }

    /** @return the two-batch estimate for the partition of {@code order} into consecutive batches of {@code b} */
    private static GradientNoiseScale twoBatch(double[][] gradients, int[] order, int b) {
        int n = order.length;
        int k = n / b;
        double small = 0;
        for (int j = 0; j < k; j++) {
            small += squaredNormOfMean(gradients, order, j * b, b) / k;
        }
        return GradientNoiseScale.fromTwoBatches(b, small, n, squaredNormOfMean(gradients, order, 0, n));
    }

    /**
     * At the default sizes (a probe set of 64, so 8 small batches of 8 and the big batch of 64) on the
     * same trained model: (1) the engine's estimate equals the two-batch formula applied to the
     * per-example gradients grouped in the same consecutive batches (float rounding only); (2) over
     * 20,000 uniformly random partitions of the probe set the two-batch estimates of tr(Sigma) and |G|^2
     * average to the per-example estimates (their expectation, by the finite-population identity
     * E|g(S)|^2 = |G_big|^2 + (S^2 / |S|)(1 - |S| / n)): within 5 standard errors of the mean, a
     * false-failure rate below 1e-6 each under the normal approximation (the draw is seeded).
     */
    @Test
    void atTheDefaultSizesItAveragesToThePerExampleEstimator() {
        int n = 64;
        TensorData probe = EngineFixtures.data(n, new int[] {3}, 2, 11);
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        float[] w = probeOnce(probe, recording).model().parameters();
        double[][] gradients = perExampleGradients(probe, w);
        int b = n / TwoBatchGradientProbe.SMALL_BATCHES;
        assertThat(b).isEqualTo(8);

        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        GradientNoiseScale same = twoBatch(gradients, order, b);
        RunRecorder.GradientProbe measured = recording.probes.get(0);
        assertThat(measured.traceCovariance()).isCloseTo(same.traceCovariance(), withinPercentage(1e-2));
        assertThat(measured.squaredNorm()).isCloseTo(same.squaredNorm(),
                org.assertj.core.api.Assertions.within(1e-4 * same.traceCovariance() / n));

        GradientNoiseScale perExample = GradientNoiseScale.of(GradientMoments.of(gradients));
        java.util.Random random = new java.util.Random(17);
        int draws = 20_000;
        double[] traces = new double[draws];
        double[] norms = new double[draws];
        for (int d = 0; d < draws; d++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            GradientNoiseScale estimate = twoBatch(gradients, order, b);
            traces[d] = estimate.traceCovariance();
            norms[d] = estimate.squaredNorm();
        }
        assertWithinFiveStandardErrors(traces, perExample.traceCovariance());
        assertWithinFiveStandardErrors(norms, perExample.squaredNorm());
    }

    private static void assertWithinFiveStandardErrors(double[] values, double expected) {
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double var = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        double standardError = Math.sqrt(var / values.length);
        assertThat(standardError).isPositive();
        assertThat(mean).isCloseTo(expected, org.assertj.core.api.Assertions.within(5 * standardError));
    }
}
