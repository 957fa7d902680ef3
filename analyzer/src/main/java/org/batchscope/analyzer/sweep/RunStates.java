package org.batchscope.analyzer.sweep;

import java.util.Map;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.metrics.RunStateRule;

/**
 * The {@link RunState} of a sweep run ({@link RunStateRule}): its validation accuracy per evaluation, the number
 * N of validation samples each evaluation scored, the dataset's chance level ({@code LoadedDataset#chance()},
 * from the training labels), the run's {@code majority_prediction_share} at the last evaluation and whether it
 * diverged.
 */
final class RunStates {

    private RunStates() {
    }

    static RunState of(RunRecording recording, int validationSamples, double chance, Map<String, Double> metrics,
            boolean diverged) {
        double[] accuracy = recording.evaluations().stream().mapToDouble(RunRecorder.Evaluation::validationAccuracy)
                .toArray();
        return RunStateRule.classify(new RunStateRule.Evidence(accuracy, validationSamples, chance,
                metrics.getOrDefault(RunMetrics.MAJORITY_PREDICTION_SHARE, Double.NaN), diverged));
    }
}
