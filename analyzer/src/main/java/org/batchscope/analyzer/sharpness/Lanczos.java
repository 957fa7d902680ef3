package org.batchscope.analyzer.sharpness;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.batchscope.analyzer.engine.HessianOperator;
import org.batchscope.common.RandomStreams;

/**
 * The largest (algebraic) eigenvalue of a symmetric operator A by the Lanczos iteration with full
 * reorthogonalisation (Golub and Van Loan, Matrix Computations, 4th ed., Algorithm 10.1.1 and section
 * 10.3.1): q_1 standard normal ({@code RandomStreams.stream(seed, START_STREAM)}) normalised; step j
 * computes w = A q_j, alpha_j = q_j . w, removes from w its components along q_1 .. q_j (twice, in
 * double), beta_j = |w|, q_{j+1} = w / beta_j. The tridiagonal T_j (alpha on the diagonal, beta beside
 * it) has Ritz values theta; the largest theta with eigenvector s has the residual estimate
 * |A y - theta y| = beta_j |s_j| for the Ritz vector y = Q_j s (exact in exact arithmetic). The iteration
 * stops when that estimate is at most {@code tolerance |theta|}, when beta_j vanishes (an invariant
 * subspace: theta is exact), or when the budget is spent. The residual {@code |A y - theta y|} is then
 * measured without another product: the iteration keeps every product A q_k as it came from the
 * operator (before the orthogonalisation), and A is linear, so {@code A y = sum_k s_k A q_k / |Q s|}.
 * Unlike the estimate beta_j |s_j|, this does not assume the basis orthogonal, so it still catches a
 * Ritz pair that a loss of orthogonality made look converged; it differs from applying A to y once
 * more by float rounding only (the operator's own rounding, and the basis and products being stored in
 * float), far below any useful tolerance. The result counts as converged only when that measured
 * residual is at most {@code tolerance |theta|}; the eigenvalue's error is then at most the residual
 * (Weyl), and typically about residual^2 / gap. Converges much faster than power iteration: the error
 * falls like a Chebyshev polynomial of the gap, not like (lambda_2 / lambda_1)^k. The basis and the
 * products are stored in float (2 p floats per iteration).
 */
public final class Lanczos {

    static final long START_STREAM = 2;

    /**
     * @param eigenvalue the largest Ritz value theta
     * @param iterations products of A with a vector (the residual check needs none more)
     * @param residual   the measured |A y - theta y| of the unit Ritz vector y
     * @param converged  whether residual <= tolerance |theta|
     */
    public record Result(double eigenvalue, int iterations, double residual, boolean converged) {
    }

    private Lanczos() {
    }

    /** @return the largest eigenvalue of {@code operator} */
    public static Result largestEigenvalue(HessianOperator operator, int maxIterations, double tolerance, long seed) {
        int p = operator.dimension();
        UniformRandomProvider rng = RandomStreams.stream(seed, START_STREAM);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] q = new double[p];
        for (int i = 0; i < p; i++) {
            q[i] = gauss.sample();
        }
        scale(q, 1 / norm(q));
        List<float[]> basis = new ArrayList<>();
        List<float[]> products = new ArrayList<>();
        List<Double> alphas = new ArrayList<>();
        List<Double> betas = new ArrayList<>();
        double[] w = new double[p];
        double theta = Double.NaN;
        double[] ritz = null;
        for (int j = 1; j <= maxIterations; j++) {
            basis.add(toFloat(q));
            operator.multiply(q, w);
            products.add(toFloat(w));
            double alpha = dot(q, w);
            alphas.add(alpha);
            for (int pass = 0; pass < 2; pass++) {
                for (float[] b : basis) {
                    double c = dot(b, w);
                    for (int i = 0; i < p; i++) {
                        w[i] -= c * b[i];
                    }
                }
            }
            double beta = norm(w);
            EigenDecomposition t = tridiagonal(alphas, betas);
            int top = largest(t.getRealEigenvalues());
            theta = t.getRealEigenvalue(top);
            RealVector s = t.getEigenvector(top);
            ritz = s.toArray();
            double estimate = beta * Math.abs(ritz[j - 1]);
            if (estimate <= tolerance * Math.abs(theta) || beta == 0 || j == maxIterations) {
                double residual = measuredResidual(basis, products, ritz, theta);
                return new Result(theta, j, residual, residual <= tolerance * Math.abs(theta));
            }
            betas.add(beta);
            for (int i = 0; i < p; i++) {
                q[i] = w[i] / beta;
            }
        }
        throw new IllegalArgumentException("at least one Lanczos iteration is needed, not " + maxIterations);
    }

    private static EigenDecomposition tridiagonal(List<Double> alphas, List<Double> betas) {
        double[] main = alphas.stream().mapToDouble(Double::doubleValue).toArray();
        double[] off = betas.stream().mapToDouble(Double::doubleValue).toArray();
        return new EigenDecomposition(main, off);
    }

    private static int largest(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * @param products A q_k for every basis vector q_k, in the same order
     * @return |A y - theta y| for the unit Ritz vector y = Q s / |Q s|, with A y = sum_k s_k A q_k / |Q s|
     */
    private static double measuredResidual(List<float[]> basis, List<float[]> products, double[] s, double theta) {
        double[] y = combination(basis, s);
        double[] ay = combination(products, s);
        double length = norm(y);
        scale(y, 1 / length);
        scale(ay, 1 / length);
        int p = y.length;
        double sum = 0;
        for (int i = 0; i < p; i++) {
            double r = ay[i] - theta * y[i];
            sum += r * r;
        }
        return Math.sqrt(sum);
    }

    /** @return sum_k s_k vectors_k, in double */
    private static double[] combination(List<float[]> vectors, double[] s) {
        double[] sum = new double[vectors.get(0).length];
        for (int k = 0; k < vectors.size(); k++) {
            float[] v = vectors.get(k);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += s[k] * v[i];
            }
        }
        return sum;
    }

    private static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double dot(float[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void scale(double[] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= factor;
        }
    }
}
