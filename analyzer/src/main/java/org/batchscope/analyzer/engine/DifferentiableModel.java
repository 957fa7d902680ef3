package org.batchscope.analyzer.engine;

/**
 * An optional capability of a {@link TrainedModel}: its training loss as a function of the parameters,
 * with the gradient and exact Hessian-vector products, evaluated at any parameter vector without
 * touching the model's own state. The loss
 * is the mean softmax cross-entropy (nats) over the samples of {@code data}, without weight decay.
 * Sharpness measures ({@code org.batchscope.analyzer.sharpness}) need it; engines that cannot provide it
 * (the {@code dl4j} engine) leave it out, and those measures are then absent.
 */
public interface DifferentiableModel {

    /** @return the number of parameters p, the length of {@code params} and {@code gradOut} */
    int parameterCount();

    /** @return the mean loss over {@code data} at {@code params} (p floats, canonical layout) */
    double loss(float[] params, TensorData data);

    /**
     * @param gradOut receives the gradient of the mean loss with respect to {@code params} (p floats)
     * @return the mean loss over {@code data} at {@code params}
     */
    double lossAndGradient(float[] params, TensorData data, float[] gradOut);

    /** @return the Hessian of the mean loss over {@code data} at {@code params}, as an operator */
    HessianOperator hessian(float[] params, TensorData data);
}
