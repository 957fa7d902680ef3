package org.batchscope.analyzer.engine.dl4j;

import java.util.stream.IntStream;
import org.batchscope.analyzer.engine.SplitScores;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A DL4J network as a {@link TrainedModel}. Inference runs in chunks of {@value #CHUNK} samples. The
 * loss of a sample is {@code -ln(max(p_y, 1e-10))}, p the softmax output: the clipping DL4J's
 * LossMCXENT applies to the training loss. {@link #parameters()} is the canonical layout for the
 * built-in models and DL4J's own flattened parameter vector ({@code network.params()}, in its layer
 * and storage order) for a user's model. Methods are synchronized: DL4J networks are not thread-safe.
 */
final class Dl4jTrainedModel implements TrainedModel {

    /** Samples per inference call. */
    static final int CHUNK = 256;
    /** The smallest probability the loss takes the logarithm of, as in DL4J's LossMCXENT. */
    static final double PROBABILITY_FLOOR = 1e-10;

    private final MultiLayerNetwork network;
    private final Dl4jParameterConverter converter;

    /**
     * @param converter the canonical-layout converter of a built-in model, or null for a user's model
     */
    Dl4jTrainedModel(MultiLayerNetwork network, Dl4jParameterConverter converter) {
        this.network = network;
        this.converter = converter;
    }

    /** @return the network (the engine trains it in place) */
    MultiLayerNetwork network() {
        return network;
    }

    /** @return loss, accuracy and predictions over {@code data} in one inference pass */
    synchronized SplitScores evaluate(TensorData data) {
        int n = data.count();
        int[] all = IntStream.range(0, n).toArray();
        int[] predictions = new int[n];
        double lossSum = 0;
        int right = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            Dl4jData.Batch batch = Dl4jData.gather(data, all, from, to);
            float[][] probabilities = network.output(batch.set().getFeatures(), false).toFloatMatrix();
            for (int i = 0; i < batch.size(); i++) {
                float[] p = probabilities[i];
                int label = batch.labels()[i];
                lossSum -= Math.log(Math.max(p[label], PROBABILITY_FLOOR));
                int best = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[best]) {
                        best = c;
                    }
                }
                predictions[from + i] = best;
                right += best == label ? 1 : 0;
            }
        }
        return n == 0 ? new SplitScores(Double.NaN, Double.NaN, predictions)
                : new SplitScores(lossSum / n, (double) right / n, predictions);
    }

    @Override
    public int[] predict(TensorData data) {
        return evaluate(data).predictions();
    }

    @Override
    public double meanLoss(TensorData data) {
        return evaluate(data).loss();
    }

    @Override
    public double accuracy(TensorData data) {
        return evaluate(data).accuracy();
    }

    @Override
    public synchronized float[] parameters() {
        return converter != null ? converter.fromNetwork() : network.params().dup().data().asFloat();
    }
}
