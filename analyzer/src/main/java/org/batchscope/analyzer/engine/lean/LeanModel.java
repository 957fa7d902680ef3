package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.DifferentiableModel;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.SplitScores;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;

/**
 * A trained built-in model: its architecture and final parameters. Each call builds a short-lived
 * {@link LeanNetwork}, so a model is safe to use from several threads. As a {@link DifferentiableModel}
 * it evaluates the loss, its gradient and exact Hessian-vector products ({@link LeanHessian}) at any parameters: forward and backward passes over chunks of
 * at most {@value #GRADIENT_CHUNK} samples, the chunks' mean gradients weighted by their sizes.
 */
final class LeanModel implements TrainedModel, DifferentiableModel {

    /** Samples per forward/backward pass in {@link #lossAndGradient}. */
    static final int GRADIENT_CHUNK = 256;

    private final ModelArchitecture architecture;
    private final float[] params;

    LeanModel(ModelArchitecture architecture, float[] params) {
        this.architecture = architecture;
        this.params = params;
    }

    @Override
    public int[] predict(TensorData data) {
        int[] predicted = new int[data.count()];
        evaluate(params, data, predicted);
        return predicted;
    }

    @Override
    public SplitScores score(TensorData data) {
        int[] predicted = new int[data.count()];
        double loss = evaluate(params, data, predicted) / data.count();
        return new SplitScores(loss, SplitScores.accuracy(predicted, data.labels()), predicted);
    }

    @Override
    public double meanLoss(TensorData data) {
        return loss(params, data);
    }

    @Override
    public float[] parameters() {
        return params.clone();
    }

    @Override
    public int parameterCount() {
        return params.length;
    }

    @Override
    public double loss(float[] at, TensorData data) {
        return evaluate(at, data, new int[data.count()]) / data.count();
    }

    @Override
    public double lossAndGradient(float[] at, TensorData data, float[] gradOut) {
        int n = data.count();
        double[] sum = new double[at.length];
        double lossSum = 0;
        try (LeanNetwork network = new LeanNetwork(architecture, Math.max(1, Math.min(n, GRADIENT_CHUNK)))) {
            System.arraycopy(at, 0, network.parameters(), 0, at.length);
            float[] grads = network.gradients();
            for (int from = 0; from < n; from += network.capacity()) {
                int count = Math.min(network.capacity(), n - from);
                network.load(data, null, from, count);
                lossSum += network.lossAndGradient(count) * count;
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += (double) grads[i] * count;
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            gradOut[i] = (float) (sum[i] / n);
        }
        return lossSum / n;
    }

    @Override
    public LeanHessian hessian(float[] at, TensorData data) {
        return new LeanHessian(architecture, at, data);
    }

    private double evaluate(float[] at, TensorData data, int[] predicted) {
        try (LeanNetwork network = new LeanNetwork(architecture, LeanRun.EVALUATION_CHUNK)) {
            System.arraycopy(at, 0, network.parameters(), 0, at.length);
            return network.evaluate(data, predicted);
        }
    }
}
