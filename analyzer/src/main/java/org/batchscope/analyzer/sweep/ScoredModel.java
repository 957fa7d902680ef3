package org.batchscope.analyzer.sweep;

import java.util.IdentityHashMap;
import java.util.Map;
import org.batchscope.analyzer.engine.SplitScores;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;

/**
 * A trained model that scores each data set once: the first {@link #score}, {@link #predict},
 * {@link #meanLoss} or {@link #accuracy} of a set (by identity) runs one {@link TrainedModel#score} pass
 * and keeps its result, so the end-of-run measures that look at the same set (test accuracy,
 * {@link ShortcutReliance}, {@link GeneralizationGap}) share one forward pass over it. Used on one thread.
 */
final class ScoredModel implements TrainedModel {

    private final TrainedModel model;
    private final Map<TensorData, SplitScores> scores = new IdentityHashMap<>();

    ScoredModel(TrainedModel model) {
        this.model = model;
    }

    @Override
    public SplitScores score(TensorData data) {
        return scores.computeIfAbsent(data, model::score);
    }

    @Override
    public int[] predict(TensorData data) {
        return score(data).predictions().clone();
    }

    @Override
    public double meanLoss(TensorData data) {
        return score(data).loss();
    }

    @Override
    public double accuracy(TensorData data) {
        return score(data).accuracy();
    }

    @Override
    public float[] parameters() {
        return model.parameters();
    }
}
