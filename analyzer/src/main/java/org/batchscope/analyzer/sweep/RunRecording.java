package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchscope.analyzer.engine.RunRecorder;

/**
 * A {@link RunRecorder} that keeps everything one run reports: per-step minibatch loss, accuracy and
 * learning rate in growable columns, every evaluation (with the validation predictions, for churn) and
 * every gradient probe. One instance per run, used on the run's thread only.
 */
public final class RunRecording implements RunRecorder {

    private double[] loss;
    private double[] accuracy;
    private double[] learningRate;
    private int steps;
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<GradientProbe> probes = new ArrayList<>();

    /** @param expectedSteps the run's planned number of steps (the columns grow beyond it if needed) */
    public RunRecording(long expectedSteps) {
        int capacity = (int) Math.max(16, Math.min(expectedSteps, Integer.MAX_VALUE - 8));
        loss = new double[capacity];
        accuracy = new double[capacity];
        learningRate = new double[capacity];
    }

    @Override
    public void onStep(long step, long epoch, double stepLoss, double stepAccuracy, double lr) {
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
        evaluations.add(evaluation);
    }

    @Override
    public void onGradientProbe(GradientProbe probe) {
        probes.add(probe);
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
