package org.batchscope.analyzer.engine.lean;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.engine.RunRecorder;

/** A recorder that keeps everything, for tests. */
final class Recording implements RunRecorder {

    final List<Double> losses = new ArrayList<>();
    final List<Double> accuracies = new ArrayList<>();
    final List<Double> rates = new ArrayList<>();
    final List<Evaluation> evaluations = new ArrayList<>();
    final List<GradientProbe> probes = new ArrayList<>();

    @Override
    public void onStep(long step, long epoch, double loss, double accuracy, double learningRate) {
        losses.add(loss);
        accuracies.add(accuracy);
        rates.add(learningRate);
    }

    @Override
    public void onEvaluation(Evaluation evaluation) {
        evaluations.add(evaluation);
    }

    @Override
    public void onGradientProbe(GradientProbe probe) {
        probes.add(probe);
    }
}
