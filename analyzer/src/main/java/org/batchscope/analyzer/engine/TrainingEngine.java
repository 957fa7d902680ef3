package org.batchscope.analyzer.engine;

/**
 * Trains models. Implementations are stateless, thread-safe (the sweep runs one job per thread) and
 * registered in {@code META-INF/services/org.batchscope.analyzer.engine.TrainingEngine}.
 *
 * <p>Contract: a run is bit-reproducible from its job; it does not depend on other runs executing at
 * the same time; a non-finite minibatch loss ends the run with {@link RunOutcome.Status#DIVERGED}
 * (never an exception out of {@link #train}).
 */
public interface TrainingEngine {

    /** @return the name users pick it by, for example {@code lean} or {@code dl4j} */
    String name();

    /** @return whether this engine can train {@code model} */
    boolean supports(ModelArchitecture model);

    /**
     * Checks, before a sweep starts, that this engine can train {@code model} on samples like those of
     * {@code train}: an engine that reads a user's model file reads it here and runs it on one sample.
     * Built-in models need nothing; the default does nothing.
     *
     * @throws org.batchscope.common.BadInputException naming the model and what is wrong with it
     */
    default void check(ModelArchitecture model, TensorData train) {
    }

    /** Trains one job, reporting to {@code recorder}. */
    RunOutcome train(TrainingJob job, RunRecorder recorder);
}
