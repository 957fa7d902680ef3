package org.batchscope.analyzer.sharpness;

import org.batchscope.analyzer.engine.OptimizerSpec;

/**
 * The largest curvature along which an optimiser's step is stable on a quadratic, at learning rate lr
 * (Cohen et al. 2021, "Gradient Descent on Neural Networks Typically Occurs at the Edge of Stability",
 * section 2 and appendix): on f(w) = a w^2 / 2 the iteration diverges once a exceeds
 * <ul>
 *   <li>SGD, w <- w - lr a w: {@code 2 / lr};</li>
 *   <li>heavy-ball momentum beta, v <- beta v + g, w <- w - lr v: {@code 2 (1 + beta) / lr} (the
 *       recurrence w_{t+1} = (1 + beta - lr a) w_t - beta w_{t-1} has a root at -1 there);</li>
 *   <li>Nesterov momentum beta (Deeplearning4j's form, the same iterates on the look-ahead point):
 *       {@code 2 (1 + beta) / ((1 + 2 beta) lr)} (w_{t+1} = (1 + beta)(1 - lr a) w_t - beta (1 - lr a) w_{t-1});</li>
 *   <li>Adam: none (its preconditioner rescales the curvature; Cohen et al. 2022 treat that case
 *       separately), NaN.</li>
 * </ul>
 * In nats per squared parameter unit, like the Hessian eigenvalues and batch sharpness it is drawn against.
 */
public final class StabilityThreshold {

    private StabilityThreshold() {
    }

    /** @return the threshold of {@code optimizer} at learning rate {@code lr} (> 0), NaN for Adam */
    public static double of(OptimizerSpec optimizer, double lr) {
        double beta = optimizer.momentum();
        return switch (optimizer.kind()) {
            case SGD -> 2 / lr;
            case MOMENTUM -> 2 * (1 + beta) / lr;
            case NESTEROV -> 2 * (1 + beta) / ((1 + 2 * beta) * lr);
            case ADAM -> Double.NaN;
        };
    }
}
