package org.batchscope.analyzer.sweep;

import java.util.Map;
import java.util.TreeMap;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;

/**
 * The generalization gap of a run's final model (Keskar et al. 2017): on the training set (all of it, or the
 * fixed subset that {@code --gap-samples} names, recorded as the run config's {@code gap_samples}) and on the
 * held-out split (the test split, or the validation split when the dataset has none; the summary's dataset
 * row names it as {@code gap_split}):
 * <ul>
 *   <li>{@value #FINAL_TRAIN_ACCURACY}, {@value #FINAL_TRAIN_LOSS}: accuracy (fraction) and mean
 *       cross-entropy (nats) on the training set;</li>
 *   <li>{@value #HELDOUT_ACCURACY}, {@value #HELDOUT_LOSS}: the same on the held-out split;</li>
 *   <li>{@value #GAP_ACCURACY} = train accuracy - held-out accuracy (fraction; positive when the model
 *       does better on what it trained on);</li>
 *   <li>{@value #GAP_LOSS} = train loss - held-out loss (nats; train minus held-out, as for accuracy, so it is usually
 *       negative: the training loss is the lower one).</li>
 * </ul>
 */
public final class GeneralizationGap {

    public static final String FINAL_TRAIN_ACCURACY = "final_train_accuracy";
    public static final String FINAL_TRAIN_LOSS = "final_train_loss";
    public static final String HELDOUT_ACCURACY = "heldout_accuracy";
    public static final String HELDOUT_LOSS = "heldout_loss";
    public static final String GAP_ACCURACY = "gap_accuracy";
    public static final String GAP_LOSS = "gap_loss";

    private GeneralizationGap() {
    }

    /**
     * @param train the training samples scored: the whole training set or a fixed subset of it
     * @return the six measures by name
     */
    public static Map<String, Double> measure(TrainedModel model, TensorData train, LoadedDataset data) {
        double trainAccuracy = model.accuracy(train);
        double trainLoss = model.meanLoss(train);
        double heldoutAccuracy = model.accuracy(data.evaluationSet());
        double heldoutLoss = model.meanLoss(data.evaluationSet());
        Map<String, Double> metrics = new TreeMap<>();
        metrics.put(FINAL_TRAIN_ACCURACY, trainAccuracy);
        metrics.put(FINAL_TRAIN_LOSS, trainLoss);
        metrics.put(HELDOUT_ACCURACY, heldoutAccuracy);
        metrics.put(HELDOUT_LOSS, heldoutLoss);
        metrics.put(GAP_ACCURACY, trainAccuracy - heldoutAccuracy);
        metrics.put(GAP_LOSS, trainLoss - heldoutLoss);
        return metrics;
    }

    /** @return the name of the split the gap is measured against: {@code test} or {@code validation} */
    public static String heldoutSplit(LoadedDataset data) {
        return data.test() != null ? "test" : "validation";
    }
}
