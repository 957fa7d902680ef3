package org.batchscope.analyzer.sharpness;

import static org.assertj.core.api.Assertions.assertThat;

import org.batchscope.analyzer.engine.OptimizerSpec;
import org.junit.jupiter.api.Test;

/**
 * The thresholds against the optimisers themselves on f(w) = a w^2 / 2: 2000 steps from w = 1 with the
 * curvature 1% below the threshold shrink w, 1% above it blow w up (the slowest mode's factor per step
 * is then about 1 -/+ 0.5% or more, so 2000 steps move |w| by more than e^5 either way).
 */
class StabilityThresholdTest {

    private static final double LR = 0.1;
    private static final double BETA = 0.9;

    @Test
    void sgd() {
        double t = StabilityThreshold.of(OptimizerSpec.sgd(LR), LR);
        assertThat(t).isEqualTo(20);
        assertThat(Math.abs(heavyBall(0.99 * t, 0))).isLessThan(1e-2);
        assertThat(Math.abs(heavyBall(1.01 * t, 0))).isGreaterThan(1e2);
    }

    @Test
    void heavyBallMomentum() {
        OptimizerSpec momentum = new OptimizerSpec(OptimizerSpec.Kind.MOMENTUM, LR, BETA, 0.9, 0.999, 1e-8, 0);
        double t = StabilityThreshold.of(momentum, LR);
        assertThat(t).isCloseTo(38, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(Math.abs(heavyBall(0.99 * t, BETA))).isLessThan(1e-2);
        assertThat(Math.abs(heavyBall(1.01 * t, BETA))).isGreaterThan(1e2);
    }

    @Test
    void nesterovInDeeplearning4jsForm() {
        double t = StabilityThreshold.of(OptimizerSpec.nesterov(LR, BETA), LR);
        assertThat(Math.abs(nesterov(0.99 * t, BETA))).isLessThan(1e-2);
        assertThat(Math.abs(nesterov(1.01 * t, BETA))).isGreaterThan(1e2);
    }

    @Test
    void adamHasNone() {
        assertThat(StabilityThreshold.of(OptimizerSpec.adam(LR), LR)).isNaN();
    }

    /** v <- beta v + g, w <- w - lr v (the lean engine's {@code Momentum}; beta 0 is SGD). */
    private static double heavyBall(double a, double beta) {
        double w = 1;
        double v = 0;
        for (int t = 0; t < 2000; t++) {
            v = beta * v + a * w;
            w -= LR * v;
        }
        return w;
    }

    /** v_prev = v; v = mu v - lr g; w += -mu v_prev + (1 + mu) v (the lean engine's {@code Nesterov}). */
    private static double nesterov(double a, double mu) {
        double w = 1;
        double v = 0;
        for (int t = 0; t < 2000; t++) {
            double previous = v;
            v = mu * previous - LR * a * w;
            w += -mu * previous + (1 + mu) * v;
        }
        return w;
    }
}
