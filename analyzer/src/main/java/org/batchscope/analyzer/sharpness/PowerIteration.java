package org.batchscope.analyzer.sharpness;

import java.util.function.UnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.batchscope.common.RandomStreams;

/**
 * The dominant eigenvalue of a symmetric linear operator A by power iteration: v_0 standard normal
 * ({@code RandomStreams.stream(seed, START_STREAM)}) normalised; then lambda_k = v_k . A v_k (the
 * Rayleigh quotient, |v_k| = 1) and v_{k+1} = A v_k / |A v_k|, until |lambda_k - lambda_{k-1}| <
 * tolerance |lambda_k| or the iteration budget is spent. It converges to the eigenvalue of largest
 * magnitude (for a Hessian near a minimum, the largest positive curvature) at rate
 * (lambda_2 / lambda_1)^2 per iteration.
 */
public final class PowerIteration {

    static final long START_STREAM = 2;

    /**
     * @param eigenvalue the last Rayleigh quotient
     * @param iterations products of A with a vector that were computed
     * @param converged  whether the tolerance was met within the budget
     */
    public record Result(double eigenvalue, int iterations, boolean converged) {
    }

    private PowerIteration() {
    }

    /** @return the dominant eigenvalue of {@code operator} on vectors of {@code dimension} */
    public static Result dominantEigenvalue(UnaryOperator<double[]> operator, int dimension, int maxIterations,
            double tolerance, long seed) {
        UniformRandomProvider rng = RandomStreams.stream(seed, START_STREAM);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] v = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = gauss.sample();
        }
        scale(v, 1 / HessianVectorProduct.norm(v));
        double lambda = Double.NaN;
        for (int k = 1; k <= maxIterations; k++) {
            double[] av = operator.apply(v);
            double next = dot(v, av);
            double length = HessianVectorProduct.norm(av);
            boolean converged = Math.abs(next - lambda) < tolerance * Math.abs(next);
            lambda = next;
            if (converged || length == 0) {
                return new Result(lambda, k, true);
            }
            scale(av, 1 / length);
            v = av;
        }
        return new Result(lambda, maxIterations, false);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void scale(double[] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }
}
