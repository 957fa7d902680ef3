package org.batchscope.analyzer.engine.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.metrics.GradientNoiseScale;
import org.batchscope.common.BadInputException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The gradient noise scale from two batch sizes (DL4J gives no per-example gradients). The probe set
 * of n >= 2 examples is cut once into k = floor(n / b) consecutive small batches of
 * b = max(1, floor(n / {@value #SMALL_BATCHES})) examples; the big batch is the whole probe set.
 * With g(S) the gradient of the mean loss over the examples S (no weight decay, the network's
 * parameters unchanged, DL4J's sum-over-examples gradient divided by |S|):
 * <pre>
 *   |G_big|^2   = |g(probe set)|^2                     B_big = n
 *   |G_small|^2 = (1/k) sum_j |g(small batch j)|^2    B_small = b
 * </pre>
 * then {@link GradientNoiseScale#fromTwoBatches} gives |G|^2, tr(Sigma) and B_simple. Averaging the k
 * small batches cuts the variance of |G_small|^2 k-fold. Since E|g(S)|^2 = |G|^2 + (S^2 / |S|)(1 - |S| / n)
 * for a random subset S of the probe set (S^2 its per-example variance with divisor n - 1), the
 * estimates have the expectations of the per-example estimator on the same probe set: tr(Sigma) -> S^2
 * and |G|^2 -> |G_big|^2 - S^2 / n; with b = 1 (n < 16) they are exactly the per-example estimates.
 * The partition is fixed, so successive probes differ only through the parameters. Cost: k + 1 = 9
 * gradient computations per probe (fewer or more for n not a multiple of 8).
 */
final class TwoBatchGradientProbe {

    /** The probe set is cut into this many small batches (when it has at least that many examples). */
    static final int SMALL_BATCHES = 8;

    private final MultiLayerNetwork network;
    private final Dl4jData.Batch big;
    private final List<Dl4jData.Batch> small = new ArrayList<>();

    /** @throws BadInputException when the probe set has fewer than 2 examples */
    TwoBatchGradientProbe(MultiLayerNetwork network, TensorData probe) {
        int n = probe.count();
        BadInputException.require(n >= 2, "probe_size", "at least 2 for the two-batch estimator", n);
        this.network = network;
        int[] all = IntStream.range(0, n).toArray();
        this.big = Dl4jData.gather(probe, all, 0, n);
        int b = Math.max(1, n / SMALL_BATCHES);
        for (int from = 0; from + b <= n; from += b) {
            small.add(Dl4jData.gather(probe, all, from, from + b));
        }
    }

    /** @return the probe after {@code step} steps, estimator {@code two_batch}, mean GSNR and batch sharpness NaN */
    RunRecorder.GradientProbe measure(long step) {
        double bigSquaredNorm = squaredGradientNorm(big);
        double smallSquaredNorm = 0;
        for (Dl4jData.Batch batch : small) {
            smallSquaredNorm += squaredGradientNorm(batch) / small.size();
        }
        GradientNoiseScale scale = GradientNoiseScale.fromTwoBatches(small.get(0).size(), smallSquaredNorm,
                big.size(), bigSquaredNorm);
        return new RunRecorder.GradientProbe(step, "two_batch", Math.sqrt(bigSquaredNorm), scale.squaredNorm(),
                scale.traceCovariance(), scale.bSimple(), Double.NaN, Double.NaN);
    }

    /** @return |g(batch)|^2, the squared norm of the gradient of the batch's mean loss */
    private double squaredGradientNorm(Dl4jData.Batch batch) {
        network.setInput(batch.set().getFeatures());
        network.setLabels(batch.set().getLabels());
        network.computeGradientAndScore();
        double norm = network.gradient().gradient().castTo(DataType.DOUBLE).norm2Number().doubleValue() / batch.size();
        return norm * norm;
    }
}
