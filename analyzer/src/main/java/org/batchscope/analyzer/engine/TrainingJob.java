package org.batchscope.analyzer.engine;

/**
 * One run's inputs.
 *
 * @param config            the run's configuration
 * @param train             the training set
 * @param validation        the validation set (evaluations, churn)
 * @param probe             the probe set for gradient statistics; null when {@code config.probeEverySteps()} is 0
 * @param initialParameters canonical initial parameters, or null to initialise from {@code config.seed()}
 *                          with {@link ParameterInitializer}
 * @param trainEvaluation   the training samples that evaluations score ({@code train} or a subset of it)
 */
public record TrainingJob(RunConfig config, TensorData train, TensorData validation, TensorData probe,
        float[] initialParameters, TensorData trainEvaluation) {

    /** A job whose evaluations score the whole training set. */
    public TrainingJob(RunConfig config, TensorData train, TensorData validation, TensorData probe,
            float[] initialParameters) {
        this(config, train, validation, probe, initialParameters, train);
    }

    public TrainingJob {
        if (config.probeEverySteps() > 0 && probe == null) {
            throw new IllegalArgumentException("probeEverySteps > 0 needs a probe set");
        }
    }
}
