package org.batchscope.analyzer.sharpness;

import org.batchscope.analyzer.engine.DifferentiableModel;
import org.batchscope.analyzer.engine.HessianOperator;
import org.batchscope.analyzer.engine.TensorData;

/** f(x) = 0.5 x^T A x for a symmetric A, gradient A x, Hessian A; the data are ignored. */
final class Quadratic implements DifferentiableModel {

    private final double[][] a;

    Quadratic(double[][] a) {
        this.a = a;
    }

    /** @return diag(d) */
    static Quadratic diagonal(double... d) {
        double[][] a = new double[d.length][d.length];
        for (int i = 0; i < d.length; i++) {
            a[i][i] = d[i];
        }
        return new Quadratic(a);
    }

    /**
     * @return Q diag(d) Q^T with the Householder reflection Q = I - 2 u u^T / |u|^2, u = (1, 2, ..., n):
     *         a dense symmetric matrix whose eigenvalues are exactly d
     */
    static Quadratic rotated(double... d) {
        int n = d.length;
        double uu = 0;
        for (int i = 0; i < n; i++) {
            uu += (i + 1.0) * (i + 1.0);
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = (i == j ? 1 : 0) - 2 * (i + 1.0) * (j + 1.0) / uu;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += q[i][k] * d[k] * q[j][k];
                }
            }
        }
        return new Quadratic(a);
    }

    double[] times(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += a[i][j] * v[j];
            }
        }
        return out;
    }

    @Override
    public int parameterCount() {
        return a.length;
    }

    @Override
    public double loss(float[] params, TensorData data) {
        return lossAndGradient(params, data, new float[params.length]);
    }

    @Override
    public double lossAndGradient(float[] params, TensorData data, float[] gradOut) {
        double[] x = new double[params.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = params[i];
        }
        double[] ax = times(x);
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f += 0.5 * x[i] * ax[i];
            gradOut[i] = (float) ax[i];
        }
        return f;
    }

    @Override
    public HessianOperator hessian(float[] params, TensorData data) {
        return new HessianOperator() {
            @Override
            public int dimension() {
                return a.length;
            }

            @Override
            public void multiply(double[] v, double[] hv) {
                System.arraycopy(times(v), 0, hv, 0, hv.length);
            }

            @Override
            public void close() {
            }
        };
    }
}
