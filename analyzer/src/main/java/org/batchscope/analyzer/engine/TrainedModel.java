package org.batchscope.analyzer.engine;

/** A model at the end of a run, for evaluation on further sets (counterfactual tests, permuted columns). */
public interface TrainedModel {

    /** @return the predicted class (argmax of the softmax) of every sample of {@code data} */
    int[] predict(TensorData data);

    /** @return the mean softmax cross-entropy (nats) over {@code data} */
    double meanLoss(TensorData data);

    /** @return a copy of the parameters in the canonical {@link ParameterLayout} (built-in models only) */
    float[] parameters();

    /** @return the fraction of samples of {@code data} predicted right */
    default double accuracy(TensorData data) {
        int[] predicted = predict(data);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == data.labels()[i]) {
                right++;
            }
        }
        return predicted.length == 0 ? Double.NaN : (double) right / predicted.length;
    }
}
