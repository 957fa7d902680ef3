package org.batchscope.analyzer.engine;

import org.batchscope.common.BadInputException;

/**
 * The optimiser. With gradient g of the minibatch's mean loss plus the L2 term
 * {@code weightDecay * w} (on weights, not biases), learning rate {@code lr_t} from the schedule at
 * step t (1-based for Adam's bias correction):
 * <ul>
 *   <li>SGD: {@code w -= lr_t * g}</li>
 *   <li>MOMENTUM (heavy ball): {@code v = mu * v + g; w -= lr_t * v}</li>
 *   <li>NESTEROV (the form Deeplearning4j's Nesterovs updater uses): {@code v_prev = v;
 *       v = mu * v - lr_t * g; w += -mu * v_prev + (1 + mu) * v}</li>
 *   <li>ADAM (Kingma and Ba, as in Deeplearning4j): {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
 *       a_t = lr_t * sqrt(1 - b2^t) / (1 - b1^t); w -= a_t * m / (sqrt(v) + eps)}</li>
 * </ul>
 */
public record OptimizerSpec(Kind kind, double learningRate, double momentum, double beta1, double beta2,
        double epsilon, double weightDecay) {

    /** The update rules above. */
    public enum Kind { SGD, MOMENTUM, NESTEROV, ADAM }

    public OptimizerSpec {
        BadInputException.require(kind != null, "optimizer", "one of sgd, momentum, nesterov, adam", kind);
        BadInputException.require(learningRate > 0 && Double.isFinite(learningRate), "--lr", "a positive number", learningRate);
        BadInputException.require(momentum >= 0 && momentum < 1, "momentum", "a number in [0, 1)", momentum);
        BadInputException.require(beta1 >= 0 && beta1 < 1, "beta1", "a number in [0, 1)", beta1);
        BadInputException.require(beta2 >= 0 && beta2 < 1, "beta2", "a number in [0, 1)", beta2);
        BadInputException.require(epsilon > 0, "epsilon", "a positive number", epsilon);
        BadInputException.require(weightDecay >= 0, "weight_decay", "a number >= 0", weightDecay);
    }

    /** @return plain SGD with learning rate {@code lr} */
    public static OptimizerSpec sgd(double lr) {
        return new OptimizerSpec(Kind.SGD, lr, 0.0, 0.9, 0.999, 1e-8, 0.0);
    }

    /** @return Nesterov momentum {@code mu} */
    public static OptimizerSpec nesterov(double lr, double mu) {
        return new OptimizerSpec(Kind.NESTEROV, lr, mu, 0.9, 0.999, 1e-8, 0.0);
    }

    /** @return Adam with the usual betas (0.9, 0.999) and epsilon 1e-8 */
    public static OptimizerSpec adam(double lr) {
        return new OptimizerSpec(Kind.ADAM, lr, 0.0, 0.9, 0.999, 1e-8, 0.0);
    }

    /** @return this optimiser with another base learning rate */
    public OptimizerSpec withLearningRate(double lr) {
        return new OptimizerSpec(kind, lr, momentum, beta1, beta2, epsilon, weightDecay);
    }
}
