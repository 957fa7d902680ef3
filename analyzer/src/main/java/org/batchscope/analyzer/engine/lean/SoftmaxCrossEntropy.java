package org.batchscope.analyzer.engine.lean;

/**
 * Softmax cross-entropy on sample-major logits {@code z[b][k]}: per sample
 * {@code loss_b = logsumexp(z_b) - z_b[y_b]} (nats), computed stably as
 * {@code m + log(sum_k exp(z_b[k] - m))} with {@code m = max_k z_b[k]}, in double. The minibatch loss is
 * the mean over its samples, so {@code dLoss/dz[b][k] = (softmax(z_b)[k] - [k == y_b]) / batch}.
 * Predictions are the first index of the largest logit.
 */
final class SoftmaxCrossEntropy {

    private final int classes;

    SoftmaxCrossEntropy(int classes) {
        this.classes = classes;
    }

    /**
     * @param gradientScale the factor for {@code dz}, normally {@code 1 / batch}
     * @param dz            receives dLoss/dz, or null to skip the gradient
     * @param predictions   receives the predicted class of sample b at {@code predictions[predictionOffset + b]},
     *                      or null
     * @return the sum over the batch of the per-sample losses (not the mean)
     */
    double lossSum(float[] z, int[] labels, int batch, float gradientScale, float[] dz, int[] predictions,
            int predictionOffset) {
        double sum = 0;
        for (int b = 0; b < batch; b++) {
            int row = b * classes;
            int argmax = 0;
            float max = z[row];
            for (int k = 1; k < classes; k++) {
                if (z[row + k] > max) {
                    max = z[row + k];
                    argmax = k;
                }
            }
            double sumExp = 0;
            for (int k = 0; k < classes; k++) {
                sumExp += Math.exp((double) z[row + k] - max);
            }
            double logSumExp = max + Math.log(sumExp);
            int y = labels[b];
            sum += logSumExp - z[row + y];
            if (dz != null) {
                for (int k = 0; k < classes; k++) {
                    double p = Math.exp(z[row + k] - logSumExp);
                    dz[row + k] = (float) ((p - (k == y ? 1 : 0)) * gradientScale);
                }
            }
            if (predictions != null) {
                predictions[predictionOffset + b] = argmax;
            }
        }
        return sum;
    }

    /**
     * The R-operator on the loss gradient: with the logits moving along {@code zDot}, the tangent of
     * {@code dz = (softmax(z) - onehot(y)) * gradientScale} is
     * {@code dzDot[b][k] = p_k (zDot[b][k] - sum_j p_j zDot[b][j]) * gradientScale}, {@code p = softmax(z_b)}
     * (the softmax Jacobian {@code diag(p) - p p^T} times zDot), computed in double.
     */
    void gradientTangent(float[] z, float[] zDot, int batch, float gradientScale, float[] dzDot) {
        double[] p = new double[classes];
        for (int b = 0; b < batch; b++) {
            int row = b * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, z[row + k]);
            }
            double sumExp = 0;
            for (int k = 0; k < classes; k++) {
                p[k] = Math.exp(z[row + k] - max);
                sumExp += p[k];
            }
            double mean = 0;
            for (int k = 0; k < classes; k++) {
                p[k] /= sumExp;
                mean += p[k] * zDot[row + k];
            }
            for (int k = 0; k < classes; k++) {
                dzDot[row + k] = (float) (p[k] * (zDot[row + k] - mean) * gradientScale);
            }
        }
    }
}
