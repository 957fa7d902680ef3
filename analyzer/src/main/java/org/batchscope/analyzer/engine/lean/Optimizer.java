package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.OptimizerSpec;

/**
 * Updates parameters in place from their gradient with the formulas of {@link OptimizerSpec}; keeps its
 * state (velocity, moments) in arrays allocated once per run.
 */
interface Optimizer {

    /**
     * @param params       parameters, updated in place
     * @param grads        gradient of the minibatch loss (weight decay already added)
     * @param learningRate the scheduled learning rate for this step
     * @param t            1-based number of this update (Adam's bias correction)
     */
    void update(float[] params, float[] grads, double learningRate, long t);

    /** @return the optimiser {@code spec} asks for, for {@code size} parameters */
    static Optimizer of(OptimizerSpec spec, int size) {
        return switch (spec.kind()) {
            case SGD -> new Sgd();
            case MOMENTUM -> new Momentum(spec.momentum(), size);
            case NESTEROV -> new Nesterov(spec.momentum(), size);
            case ADAM -> new Adam(spec.beta1(), spec.beta2(), spec.epsilon(), size);
        };
    }
}
