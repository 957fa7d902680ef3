package org.batchscope.analyzer.engine;

/**
 * One pass of a model over a data set.
 *
 * @param loss        mean softmax cross-entropy (nats); NaN for an empty set
 * @param accuracy    fraction predicted right; NaN for an empty set
 * @param predictions the predicted class of every sample, in sample order (a fresh array)
 */
public record SplitScores(double loss, double accuracy, int[] predictions) {
}
