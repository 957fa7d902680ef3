package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.batchscope.analyzer.engine.RunRecorder;

/**
 * A {@link RunRecorder} that keeps everything one run reports: per-step minibatch loss, accuracy and
 * learning rate in growable columns, every evaluation (with the validation predictions, for churn) and
 * every gradient probe. One instance per run, used on the run's thread only.
 *
 * <p>It also splits the run's time by the callbacks' timestamps from a nanosecond clock, starting at
 * construction: the time up to each {@link #onStep} since the previous callback is training (forward and
 * backward pass, and the previous step's update); the time up to each {@link #onEvaluation} or
 * {@link #onGradientProbe} since the previous callback is overhead (the evaluation or probe, plus the
 * optimiser update of the step just before it, which the recorder cannot separate), counted apart for
 * evaluations and for probes.
 */
public final class RunRecording implements RunRecorder {

    private final LongSupplier nanoClock;
    private long lastMark;
    private long trainingNanos;
    private long evaluationNanos;
    private long probeNanos;
    private long[] trainingNanosAtEvaluation = new long[16];

    private double[] loss;
    private double[] accuracy;
    private double[] learningRate;
    private int steps;
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<GradientProbe> probes = new ArrayList<>();

    /** @param expectedSteps the run's planned number of steps (the columns grow beyond it if needed) */
    public RunRecording(long expectedSteps) {
        this(expectedSteps, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds (tests inject one) */
    public RunRecording(long expectedSteps, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.lastMark = nanoClock.getAsLong();
        int capacity = (int) Math.max(16, Math.min(expectedSteps, Integer.MAX_VALUE - 8));
        loss = new double[capacity];
        accuracy = new double[capacity];
        learningRate = new double[capacity];
    }

    @Override
    public void onStep(long step, long epoch, double stepLoss, double stepAccuracy, double lr) {
        trainingNanos += sinceLastMark();
        if (steps == loss.length) {
            int capacity = loss.length * 2;
            loss = Arrays.copyOf(loss, capacity);
            accuracy = Arrays.copyOf(accuracy, capacity);
            learningRate = Arrays.copyOf(learningRate, capacity);
        }
        loss[steps] = stepLoss;
        accuracy[steps] = stepAccuracy;
        learningRate[steps] = lr;
        steps++;
    }

    @Override
    public void onEvaluation(Evaluation evaluation) {
        evaluationNanos += sinceLastMark();
        if (evaluations.size() == trainingNanosAtEvaluation.length) {
            trainingNanosAtEvaluation = Arrays.copyOf(trainingNanosAtEvaluation, evaluations.size() * 2);
        }
        trainingNanosAtEvaluation[evaluations.size()] = trainingNanos;
        evaluations.add(evaluation);
    }

    @Override
    public void onGradientProbe(GradientProbe probe) {
        probeNanos += sinceLastMark();
        probes.add(probe);
    }

    private long sinceLastMark() {
        long now = nanoClock.getAsLong();
        long elapsed = now - lastMark;
        lastMark = now;
        return elapsed;
    }

    /** @return seconds of training so far (see the class comment) */
    public double trainingSeconds() {
        return trainingNanos / 1e9;
    }

    /** @return seconds of evaluations and gradient probes so far */
    public double overheadSeconds() {
        return (evaluationNanos + probeNanos) / 1e9;
    }

    /** @return seconds of evaluations so far */
    public double evaluationSeconds() {
        return evaluationNanos / 1e9;
    }

    /** @return seconds of gradient probes so far */
    public double probeSeconds() {
        return probeNanos / 1e9;
    }

    /** @return for each evaluation, the training seconds done when it was reported */
    public double[] trainingSecondsAtEvaluations() {
        return Arrays.stream(trainingNanosAtEvaluation, 0, evaluations.size()).mapToDouble(t -> t / 1e9).toArray();
    }

    /** @return the minibatch losses of the steps recorded so far (a copy) */
    public double[] losses() {
        return Arrays.copyOf(loss, steps);
    }

    /** @return the minibatch accuracies (a copy) */
    public double[] accuracies() {
        return Arrays.copyOf(accuracy, steps);
    }

    /** @return the learning rates (a copy) */
    public double[] learningRates() {
        return Arrays.copyOf(learningRate, steps);
    }

    /** @return the evaluations in order */
    public List<Evaluation> evaluations() {
        return List.copyOf(evaluations);
    }

    /** @return the gradient probes in order */
    public List<GradientProbe> probes() {
        return List.copyOf(probes);
    }
}
