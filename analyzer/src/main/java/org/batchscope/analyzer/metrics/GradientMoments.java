package org.batchscope.analyzer.metrics;

import java.util.function.IntToDoubleFunction;

/**
 * Accumulator of per-parameter moments of per-example gradients g_1..g_n (each a vector of p
 * parameters), fed one gradient at a time so the gradients need not be stored: memory is 2p doubles.
 * For each parameter j it keeps the running mean and M2_j = sum_i (g_ij - mean_j)^2, updated with
 * Welford's algorithm, which avoids the cancellation of the sum-of-squares formula when the mean is
 * large next to the spread. (Commons Statistics has scalar accumulators only: one object per parameter
 * costs about 8x the memory and 20x the time, bench/README.md "Gradient moments".) {@link #combine}
 * merges two accumulators with the pairwise formula of Chan, Golub and LeVeque (1979), so probe sets
 * can be split across threads. float gradients are
 * widened to double before accumulation.
 *
 * <p>From these: G = (mean_1..mean_p); var_j = M2_j / (n - 1); tr(Sigma) = sum_j var_j. Units: those
 * of the gradient components (squared for variances).
 */
public final class GradientMoments {

    private final double[] mean;
    private final double[] m2;
    private long count;

    /** @param parameters p, the length of every gradient, >= 1 */
    public GradientMoments(int parameters) {
        if (parameters < 1) {
            throw new IllegalArgumentException("parameters is " + parameters + "; must be >= 1");
        }
        this.mean = new double[parameters];
        this.m2 = new double[parameters];
    }

    /** @return an accumulator fed with every row of {@code gradients} (n x p, n >= 1) */
    public static GradientMoments of(double[][] gradients) {
        requireRows(gradients);
        GradientMoments moments = new GradientMoments(gradients[0].length);
        for (double[] gradient : gradients) {
            moments.accept(gradient);
        }
        return moments;
    }

    /** @return an accumulator fed with every row of {@code gradients} (n x p, n >= 1) */
    public static GradientMoments of(float[][] gradients) {
        requireRows(gradients);
        GradientMoments moments = new GradientMoments(gradients[0].length);
        for (float[] gradient : gradients) {
            moments.accept(gradient);
        }
        return moments;
    }

    /** Adds one per-example gradient of length p. */
    public void accept(double[] gradient) {
        add(gradient == null ? -1 : gradient.length, j -> gradient[j]);
    }

    /** Adds one per-example gradient of length p, widened to double. */
    public void accept(float[] gradient) {
        add(gradient == null ? -1 : gradient.length, j -> gradient[j]);
    }

    /**
     * Merges {@code other} into this accumulator, as if its gradients had been accepted here.
     *
     * @return this accumulator
     */
    public GradientMoments combine(GradientMoments other) {
        if (other == null) {
            throw new IllegalArgumentException("other must not be null");
        }
        Checks.sameLength(other.parameters(), "other's parameters", parameters(), "this accumulator's parameters");
        if (other.count == 0) {
            return this;
        }
        long total = count + other.count;
        for (int j = 0; j < mean.length; j++) {
            double delta = other.mean[j] - mean[j];
            mean[j] += delta * other.count / total;
            m2[j] += other.m2[j] + delta * delta * ((double) count * other.count / total);
        }
        count = total;
        return this;
    }

    /** @return n, the number of gradients accepted */
    public long count() {
        return count;
    }

    /** @return p, the number of parameters */
    public int parameters() {
        return mean.length;
    }

    /** @return mean_j = 1/n sum_i g_ij (n >= 1) */
    public double mean(int parameter) {
        requireCount(1);
        requireParameter(parameter);
        return mean[parameter];
    }

    /** @return var_j = sum_i (g_ij - mean_j)^2 / (n - 1) (n >= 2) */
    public double variance(int parameter) {
        requireCount(2);
        requireParameter(parameter);
        return m2[parameter] / (count - 1);
    }

    /** @return |G|^2 = sum_j mean_j^2, the squared norm of the mean gradient (biased upwards) */
    public double squaredNormOfMean() {
        requireCount(1);
        double sum = 0;
        for (double value : mean) {
            sum += value * value;
        }
        return sum;
    }

    /** @return tr(Sigma) = sum_j var_j = sum_i |g_i - G|^2 / (n - 1) (n >= 2) */
    public double traceCovariance() {
        requireCount(2);
        double sum = 0;
        for (double value : m2) {
            sum += value;
        }
        return sum / (count - 1);
    }

    /** @throws IllegalArgumentException when fewer than {@code needed} gradients were accepted */
    void requireCount(int needed) {
        if (count < needed) {
            throw new IllegalArgumentException("gradient moments hold " + count + " gradients; at least "
                    + needed + " are needed");
        }
    }

    private void requireParameter(int parameter) {
        if (parameter < 0 || parameter >= mean.length) {
            throw new IllegalArgumentException("parameter is " + parameter + "; must be in 0.." + (mean.length - 1));
        }
    }

    private void add(int length, IntToDoubleFunction component) {
        if (length < 0) {
            throw new IllegalArgumentException("gradient must not be null");
        }
        Checks.sameLength(length, "gradient", mean.length, "parameters");
        for (int j = 0; j < length; j++) {
            double x = component.applyAsDouble(j);
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("gradient[" + j + "] is " + x + "; values must be finite");
            }
        }
        count++;
        for (int j = 0; j < length; j++) {
            double x = component.applyAsDouble(j);
            double delta = x - mean[j];
            mean[j] += delta / count;
            m2[j] += delta * (x - mean[j]);
        }
    }

    private static void requireRows(Object[] gradients) {
        if (gradients == null || gradients.length == 0 || gradients[0] == null) {
            throw new IllegalArgumentException("gradients must hold at least 1 gradient (row)");
        }
    }
}
