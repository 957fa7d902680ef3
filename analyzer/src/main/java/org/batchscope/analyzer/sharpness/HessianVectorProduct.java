package org.batchscope.analyzer.sharpness;

import java.util.function.UnaryOperator;
import org.batchscope.analyzer.engine.DifferentiableModel;
import org.batchscope.analyzer.engine.TensorData;

/**
 * The Hessian of the loss f at x times a vector, by central differences of gradients:
 * <pre>H v ~ |v| (g(x + h u) - g(x - h u)) / (2h),  u = v / |v|,  h = H_SCALE (1 + |x|)</pre>
 * with |.| the Euclidean norm, so the step is about one part in a thousand of the parameter vector
 * whatever its size (exact for a quadratic up to rounding; O(h^2) error for a smooth loss). Two gradient
 * evaluations per product; gradients are float, products double.
 */
public final class HessianVectorProduct implements UnaryOperator<double[]> {

    /** Relative finite-difference step. */
    public static final double H_SCALE = 1e-3;

    private final DifferentiableModel model;
    private final float[] x;
    private final TensorData data;
    private final double h;
    private final float[] point;
    private final float[] gradPlus;
    private final float[] gradMinus;

    public HessianVectorProduct(DifferentiableModel model, float[] x, TensorData data) {
        this.model = model;
        this.x = x.clone();
        this.data = data;
        this.h = H_SCALE * (1 + norm(x));
        this.point = new float[x.length];
        this.gradPlus = new float[x.length];
        this.gradMinus = new float[x.length];
    }

    /** @return the finite-difference step h */
    public double step() {
        return h;
    }

    @Override
    public double[] apply(double[] v) {
        double length = norm(v);
        double[] hv = new double[v.length];
        if (length == 0) {
            return hv;
        }
        gradientAt(v, h / length, gradPlus);
        gradientAt(v, -h / length, gradMinus);
        for (int i = 0; i < v.length; i++) {
            hv[i] = ((double) gradPlus[i] - gradMinus[i]) * length / (2 * h);
        }
        return hv;
    }

    private void gradientAt(double[] v, double scale, float[] grad) {
        for (int i = 0; i < x.length; i++) {
            point[i] = (float) (x[i] + scale * v[i]);
        }
        model.lossAndGradient(point, data, grad);
    }

    static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
