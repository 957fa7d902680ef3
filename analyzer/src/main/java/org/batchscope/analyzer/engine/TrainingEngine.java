package org.batchscope.analyzer.engine;

import java.util.Map;

/**
 * Trains models. Implementations are stateless, thread-safe (the sweep runs one job per thread) and
 * registered in {@code META-INF/services/org.batchscope.analyzer.engine.TrainingEngine}; they supply one
 * run's step, evaluation and gradient probe ({@link EngineRun}) and {@link TrainingLoop} drives them.
 *
 * <p>Contract (checked for every registered engine by the engine contract test): a run is
 * bit-reproducible from its job; it does not depend on other runs executing at the same time; the same
 * seed gives the same start ({@link ParameterInitializer}) and the same minibatches ({@link BatchPlan});
 * a non-finite minibatch loss ends the run with {@link RunOutcome.Status#DIVERGED} (never an exception
 * out of {@link #train}).
 */
public interface TrainingEngine {

    /** @return the name users pick it by, for example {@code lean} or {@code dl4j} */
    String name();

    /**
     * @return the preference among engines that support a model when the user names none: the highest
     *         rank wins ({@code lean} 20, {@code dl4j} 10)
     */
    int rank();

    /**
     * @return the version of the code that computes the numbers, written into every run file; a stored run
     *         made by another version is trained again
     */
    String version();

    /**
     * @return the engine's settings that change the numbers of a run (for example the lean engine's
     *         threads per run), by snake_case name; they are part of a run's config and so of its hash
     */
    default Map<String, Object> numericSettings() {
        return Map.of();
    }

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

    /**
     * Prepares one run: builds the model at its start (the job's initial parameters, or
     * {@link ParameterInitializer} from the seed), the optimiser and the probe. Under a batch schedule the
     * minibatches grow; buffers are sized for {@link TrainingSchedule#largestBatchSize()}.
     *
     * @throws org.batchscope.common.BadInputException when the job's data do not fit the model
     */
    EngineRun start(TrainingJob job, TrainingSchedule schedule);

    /** Trains one job under {@link TrainingLoop}, reporting to {@code recorder}. */
    default RunOutcome train(TrainingJob job, RunRecorder recorder) {
        return TrainingLoop.run(this, job, recorder);
    }
}
