package org.batchscope.analyzer.metrics;

/**
 * churn: how much the predictions flip between evaluations. For predicted classes p[e][i] of
 * validation sample i at evaluation e (E evaluations of the same N samples),
 * <pre>
 *   churn = 1/(E-1) sum_{e=1..E-1} ( #{ i : p[e][i] != p[e-1][i] } / N )
 * </pre>
 * Dimensionless, in [0, 1]: 0 when no prediction ever changes.
 */
public final class Churn {

    private Churn() {
    }

    /**
     * @param predictions predicted class per evaluation (rows, at least 2) and sample (columns, the
     *                    same N >= 1 in every row)
     */
    public static double of(int[][] predictions) {
        if (predictions == null || predictions.length < 2) {
            throw new IllegalArgumentException("predictions needs at least 2 evaluations (rows); has "
                    + (predictions == null ? "none" : predictions.length));
        }
        int samples = requireRow(predictions, 0).length;
        if (samples == 0) {
            throw new IllegalArgumentException("predictions[0] is empty; each evaluation needs at least 1 sample");
        }
        double sumOfFractions = 0;
        for (int e = 1; e < predictions.length; e++) {
            int[] current = requireRow(predictions, e);
            Checks.sameLength(current.length, "predictions[" + e + "]", samples, "predictions[0]");
            int[] previous = predictions[e - 1];
            int changed = 0;
            for (int i = 0; i < samples; i++) {
                if (current[i] != previous[i]) {
                    changed++;
                }
            }
            sumOfFractions += (double) changed / samples;
        }
        return sumOfFractions / (predictions.length - 1);
    }

    private static int[] requireRow(int[][] predictions, int e) {
        if (predictions[e] == null) {
            throw new IllegalArgumentException("predictions[" + e + "] is null");
        }
        return predictions[e];
    }
}
