package org.batchscope.analyzer.engine;

/**
 * One run inside an engine, driven by {@link TrainingLoop}: the engine supplies the step, the
 * evaluation and the gradient probe; the loop owns the step count, the batch order, the learning-rate
 * schedule and when to evaluate and probe ({@link TrainingSchedule}). Used on one thread; the loop
 * closes it when the run ends.
 */
public interface EngineRun extends AutoCloseable {

    /**
     * Trains on one minibatch: the training samples {@code order[from .. from + count)}. Computes the
     * minibatch's mean loss and accuracy at the current parameters, then (when the loss is finite)
     * updates the parameters with learning rate {@code learningRate} (weight decay included).
     *
     * @param step 0-based step index (Adam's bias correction uses step + 1)
     * @return the minibatch's mean softmax cross-entropy (nats) before the update, without weight decay
     */
    double step(long step, int[] order, int from, int count, double learningRate);

    /** @return the accuracy of the minibatch of the last {@link #step}, before its update, in [0, 1] */
    double stepAccuracy();

    /** @return loss, accuracy and predictions of the current parameters over {@code data} */
    SplitScores evaluate(TensorData data);

    /**
     * @param stepsDone the label of the probe
     * @return gradient statistics on the job's probe set at the current parameters (only called when the
     *         job's config asks for probes)
     */
    RunRecorder.GradientProbe probe(long stepsDone);

    /** @return the model at the current parameters, independent of this run once it is closed */
    TrainedModel model();

    /** Frees the run's buffers and threads. */
    @Override
    default void close() {
    }
}
