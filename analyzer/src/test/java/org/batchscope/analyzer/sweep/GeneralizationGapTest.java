package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;
import org.junit.jupiter.api.Test;

class GeneralizationGapTest {

    /** Predicts the sample's single feature as its class; its loss is the mean of the features. */
    private static final TrainedModel FEATURE_IS_CLASS = new TrainedModel() {
        @Override
        public int[] predict(TensorData data) {
            int[] out = new int[data.count()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) data.features()[i];
            }
            return out;
        }

        @Override
        public double meanLoss(TensorData data) {
            double s = 0;
            for (float f : data.features()) {
                s += f;
            }
            return s / data.count() + 0.1;
        }

        @Override
        public float[] parameters() {
            return new float[0];
        }
    };

    private static TensorData data(float[] predicted, int[] labels) {
        return new TensorData(predicted, labels, new int[] {1}, 2);
    }

    @Test
    void gapIsTrainMinusHeldOut() {
        // train: 4 of 4 right, loss 0.5 + 0.1; test: 2 of 4 right, loss 0.25 + 0.1
        TensorData train = data(new float[] {0, 1, 1, 0}, new int[] {0, 1, 1, 0});
        TensorData test = data(new float[] {0, 0, 1, 0}, new int[] {0, 1, 0, 0});
        TensorData validation = data(new float[] {1}, new int[] {1});
        LoadedDataset withTest = new LoadedDataset(LoadedDataset.TABULAR, "t", "00", List.of("a", "b"), train, validation,
                test, Map.of(), List.of(), null, null);
        Map<String, Double> gap = GeneralizationGap.measure(FEATURE_IS_CLASS, train, withTest);
        assertThat(gap.get("final_train_accuracy")).isEqualTo(1.0);
        assertThat(gap.get("heldout_accuracy")).isEqualTo(0.5);
        assertThat(gap.get("gap_accuracy")).isEqualTo(0.5);
        assertThat(gap.get("final_train_loss")).isCloseTo(0.6, within(1e-12));
        assertThat(gap.get("heldout_loss")).isCloseTo(0.35, within(1e-12));
        assertThat(gap.get("gap_loss")).isCloseTo(0.25, within(1e-12));
        assertThat(GeneralizationGap.heldoutSplit(withTest)).isEqualTo("test");
        // without a test split the validation split stands in: 1 of 1 right, loss 1.1
        LoadedDataset noTest = new LoadedDataset(LoadedDataset.TABULAR, "t", "00", List.of("a", "b"), train, validation,
                null, Map.of(), List.of(), null, null);
        Map<String, Double> fallback = GeneralizationGap.measure(FEATURE_IS_CLASS, train, noTest);
        assertThat(fallback.get("gap_accuracy")).isEqualTo(0.0);
        assertThat(fallback.get("gap_loss")).isCloseTo(0.6 - 1.1, within(1e-12));
        assertThat(GeneralizationGap.heldoutSplit(noTest)).isEqualTo("validation");
        // a subset of the training set (--gap-samples), samples 1 and 2: 2 of 2 right, loss 1.0 + 0.1
        Map<String, Double> subset = GeneralizationGap.measure(FEATURE_IS_CLASS, train.select(new int[] {1, 2}), withTest);
        assertThat(subset.get("final_train_accuracy")).isEqualTo(1.0);
        assertThat(subset.get("final_train_loss")).isCloseTo(1.1, within(1e-12));
        assertThat(subset.get("gap_loss")).isCloseTo(1.1 - 0.35, within(1e-12));
    }
}
