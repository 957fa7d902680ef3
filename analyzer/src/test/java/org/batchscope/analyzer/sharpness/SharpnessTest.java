package org.batchscope.analyzer.sharpness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.batchscope.analyzer.engine.TensorData;
import org.junit.jupiter.api.Test;

/** Both measures on quadratics f(x) = 0.5 x^T A x, whose Hessian is A. */
class SharpnessTest {

    private static final TensorData NO_DATA = new TensorData(new float[1], new int[1], new int[] {1}, 2);

    @Test
    void powerIterationFindsTheLargestEigenvalueOfADenseMatrix() {
        Quadratic f = Quadratic.rotated(5, 2, 1, 0.5, 0.1);
        PowerIteration.Result exact = PowerIteration.dominantEigenvalue(f::times, 5, 50, 1e-9, 0);
        assertThat(exact.eigenvalue()).isCloseTo(5, within(5e-9));
        // through finite differences of float gradients at a point away from the minimum
        HessianVectorProduct hvp = new HessianVectorProduct(f, new float[] {1, -2, 0.5f, 3, -1}, NO_DATA);
        PowerIteration.Result fd = PowerIteration.dominantEigenvalue(hvp, 5, 20, 1e-3, 0);
        assertThat(fd.converged()).isTrue();
        assertThat(fd.eigenvalue()).isCloseTo(5, within(5e-3));
    }

    @Test
    void hessianVectorProductOfAQuadraticIsAv() {
        Quadratic f = Quadratic.rotated(3, -1, 0.5);
        double[] v = {0.3, -1.2, 2.0};
        double[] hv = new HessianVectorProduct(f, new float[] {0.5f, 1, -1}, NO_DATA).apply(v);
        double[] av = f.times(v);
        for (int i = 0; i < v.length; i++) {
            assertThat(hv[i]).isCloseTo(av[i], within(1e-3));
        }
    }

    @Test
    void epsilonSharpnessOfADiagonalQuadraticIsTheCornerValue() {
        double[] d = {4, 1, 0.25};
        float[] x = {1, -2, 0.5f};
        double eps = 1e-3;
        // the maximum over the box is at the corner y_i = sign(x_i) eps (|x_i| + 1), since |x_i| exceeds the box
        double f = 0;
        double fMax = 0;
        for (int i = 0; i < d.length; i++) {
            double w = eps * (Math.abs(x[i]) + 1);
            f += 0.5 * d[i] * x[i] * x[i];
            fMax += 0.5 * d[i] * (Math.abs(x[i]) + w) * (Math.abs(x[i]) + w);
        }
        double phi = 100 * (fMax - f) / (1 + f);
        EpsilonSharpness.Result result = EpsilonSharpness.of(Quadratic.diagonal(d), x, NO_DATA, eps, 10, 7);
        assertThat(result.loss()).isCloseTo(f, within(1e-12));
        assertThat(result.value()).isCloseTo(phi, within(1e-3 * phi));
        // by hand: f = 4.03125, fMax = 0.5 (4 * 1.002^2 + 1 * 2.003^2 + 0.25 * 0.5015^2) = 4.04545028125
        assertThat(phi).isCloseTo(0.28224161, within(1e-8));
    }

    @Test
    void measureRecordsSettingsAndDiagnostics() {
        Sharpness s = Sharpness.measure(Quadratic.rotated(5, 2, 1), new float[] {1, 1, 1}, NO_DATA,
                SharpnessSettings.DEFAULTS);
        assertThat(s.hessianMaxEig()).isCloseTo(5, within(5e-3));
        assertThat(s.epsSharpness()).isPositive();
        assertThat(s.samples()).isEqualTo(1);
        assertThat(s.hvpStep()).isCloseTo(1e-3 * (1 + Math.sqrt(3)), within(1e-12));
        assertThat(s.metrics()).containsOnlyKeys("eps_sharpness", "hessian_max_eig");
    }
}
