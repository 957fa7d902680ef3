package org.batchscope.analyzer.engine;

/**
 * One pass of a model over a data set.
 *
 * @param loss        mean softmax cross-entropy (nats); NaN for an empty set
 * @param accuracy    fraction predicted right; NaN for an empty set
 * @param predictions the predicted class of every sample, in sample order (a fresh array)
 */
public record SplitScores(double loss, double accuracy, int[] predictions) {

    /** @return the fraction of {@code predicted} equal to {@code labels}; NaN for none */
    public static double accuracy(int[] predicted, int[] labels) {
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[i]) {
                right++;
            }
        }
        return predicted.length == 0 ? Double.NaN : (double) right / predicted.length;
    }
}
