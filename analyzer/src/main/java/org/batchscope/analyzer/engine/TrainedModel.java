package org.batchscope.analyzer.engine;

/** A model at the end of a run, for evaluation on further sets (counterfactual tests, permuted columns). */
public interface TrainedModel {

    /** @return the predicted class (argmax of the softmax) of every sample of {@code data} */
    int[] predict(TensorData data);

    /** @return the mean softmax cross-entropy (nats) over {@code data} */
    double meanLoss(TensorData data);

    /** @return a copy of the parameters in the canonical {@link ParameterLayout} (built-in models only) */
    float[] parameters();

    /**
     * @return mean loss, accuracy and predictions over {@code data}; by default {@link #meanLoss} and
     *         {@link #predict} (two passes), in one pass where the model can
     */
    default SplitScores score(TensorData data) {
        int[] predicted = predict(data);
        return new SplitScores(meanLoss(data), SplitScores.accuracy(predicted, data.labels()), predicted);
    }

    /** @return the fraction of samples of {@code data} predicted right */
    default double accuracy(TensorData data) {
        return SplitScores.accuracy(predict(data), data.labels());
    }
}
