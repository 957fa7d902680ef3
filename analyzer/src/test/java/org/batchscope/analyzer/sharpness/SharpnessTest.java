package org.batchscope.analyzer.sharpness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.common.BadInputException;
import org.junit.jupiter.api.Test;

/** Both measures on quadratics f(x) = 0.5 x^T A x, whose Hessian is A (eigenvalues known by construction). */
class SharpnessTest {

    private static final TensorData NO_DATA = new TensorData(new float[1], new int[1], new int[] {1}, 2);

    /**
     * The largest eigenvalue, not the largest in magnitude (power iteration would find -8): on a 5 x 5
     * matrix the fifth step spans the whole space, so the Ritz value is exact up to rounding, here that of
     * the basis, which is stored in float (about 1e-7 relative).
     */
    @Test
    void lanczosFindsTheLargestEigenvalueOfADenseIndefiniteMatrix() {
        Quadratic f = Quadratic.rotated(5, 2, 1, 0.5, -8);
        Lanczos.Result result = Lanczos.largestEigenvalue(f.hessian(null, NO_DATA), 50, 1e-6, 0);
        assertThat(result.eigenvalue()).isCloseTo(5, within(5e-6));
        assertThat(result.converged()).isTrue();
        assertThat(result.iterations()).isLessThanOrEqualTo(5);
        assertThat(result.residual()).isLessThan(1e-6 * 5);
    }

    /**
     * 300 eigenvalues 1 - k / 300 (k = 0..299) below a top one of 2: a gap of half the spectrum's width,
     * where Lanczos needs far fewer steps than power iteration would ((1/2)^k). The recorded residual is
     * the measured |A y - theta y| and bounds the eigenvalue's error (Weyl).
     */
    @Test
    void lanczosConvergesOnALargeSpectrumAndRecordsItsResidual() {
        double[] d = new double[301];
        d[0] = 2;
        for (int k = 0; k < 300; k++) {
            d[k + 1] = 1 - k / 300.0;
        }
        Lanczos.Result result = Lanczos.largestEigenvalue(Quadratic.rotated(d).hessian(null, NO_DATA), 40, 1e-6, 3);
        assertThat(result.converged()).isTrue();
        assertThat(result.iterations()).isLessThan(40);
        assertThat(result.residual()).isLessThanOrEqualTo(1e-6 * result.eigenvalue());
        assertThat(result.eigenvalue()).isCloseTo(2, within(result.residual()));
    }

    /**
     * Two iterations cannot resolve a top eigenvalue 1.001 from a cluster up to 1: the result says it did
     * not converge, and {@link Sharpness#metrics()} leaves the eigenvalue out.
     */
    @Test
    void anUnconvergedEigenvalueIsMarkedAndLeftOutOfTheMetrics() {
        double[] d = new double[50];
        d[0] = 1.001;
        for (int k = 1; k < 50; k++) {
            d[k] = 1 - k / 50.0;
        }
        Quadratic f = Quadratic.rotated(d);
        Lanczos.Result result = Lanczos.largestEigenvalue(f.hessian(null, NO_DATA), 2, 1e-6, 0);
        assertThat(result.converged()).isFalse();
        assertThat(result.iterations()).isEqualTo(2);
        assertThat(result.residual()).isGreaterThan(1e-6 * result.eigenvalue());
        Sharpness s = Sharpness.measure(f, new float[50], NO_DATA, new SharpnessSettings(1e-3, 2, 1, 2, 1e-6, 0));
        assertThat(s.converged()).isFalse();
        assertThat(s.metrics()).containsOnlyKeys("eps_sharpness");
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
                new SharpnessSettings(1e-3, 10, 512, 20, 1e-2, 0));
        assertThat(s.hessianMaxEig()).isCloseTo(5, within(1e-2 * 5));
        assertThat(s.converged()).isTrue();
        assertThat(s.lanczosIterations()).isBetween(1, 3);
        assertThat(s.epsSharpness()).isPositive();
        assertThat(s.samples()).isEqualTo(1);
        assertThat(s.metrics()).containsOnlyKeys("eps_sharpness", "hessian_max_eig");
    }

    @Test
    void noAscentStepsLeavesEpsilonSharpnessOut() {
        Sharpness s = Sharpness.measure(Quadratic.rotated(5, 2, 1), new float[] {1, 1, 1}, NO_DATA,
                SharpnessSettings.DEFAULTS);
        assertThat(SharpnessSettings.DEFAULTS.measuresEpsilon()).isFalse();
        assertThat(s.epsSharpness()).isNaN();
        assertThat(s.hessianMaxEig()).isCloseTo(5, within(1e-2 * 5));
        assertThat(s.metrics()).containsOnlyKeys("hessian_max_eig");
    }

    @Test
    void settingsOutOfRangeNameTheOption() {
        assertThatThrownBy(() -> new SharpnessSettings(1e-3, -1, 128, 20, 1e-2, 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--eps-steps");
        assertThatThrownBy(() -> new SharpnessSettings(1e-3, 0, 0, 20, 1e-2, 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--sharpness-samples");
        assertThatThrownBy(() -> new SharpnessSettings(1e-3, 0, 128, 0, 1e-2, 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--lanczos-iterations");
        assertThatThrownBy(() -> new SharpnessSettings(1e-3, 0, 128, 20, 0, 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--lanczos-tolerance");
        assertThatThrownBy(() -> new SharpnessSettings(1, 0, 128, 20, 1e-2, 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--eps");
    }
}
