package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;

/**
 * A trained built-in model: its architecture and final parameters. Each call builds a short-lived
 * {@link LeanNetwork}, so a model is safe to use from several threads.
 */
final class LeanModel implements TrainedModel {

    private final ModelArchitecture architecture;
    private final float[] params;

    LeanModel(ModelArchitecture architecture, float[] params) {
        this.architecture = architecture;
        this.params = params;
    }

    @Override
    public int[] predict(TensorData data) {
        int[] predicted = new int[data.count()];
        evaluate(data, predicted);
        return predicted;
    }

    @Override
    public double meanLoss(TensorData data) {
        return evaluate(data, new int[data.count()]) / data.count();
    }

    @Override
    public float[] parameters() {
        return params.clone();
    }

    private double evaluate(TensorData data, int[] predicted) {
        try (LeanNetwork network = new LeanNetwork(architecture, LeanRun.EVALUATION_CHUNK)) {
            System.arraycopy(params, 0, network.parameters(), 0, params.length);
            return network.evaluate(data, predicted);
        }
    }

    /** @return the fraction of {@code predicted} equal to {@code labels}; NaN for none */
    static double accuracy(int[] predicted, int[] labels) {
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[i]) {
                right++;
            }
        }
        return predicted.length == 0 ? Double.NaN : (double) right / predicted.length;
    }
}
