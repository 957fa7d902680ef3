package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.RunFile;

/** Hand-made stored runs for the summary tests: only what the summary reads is filled in. */
final class StoredRuns {

    private StoredRuns() {
    }

    /**
     * @return a completed run with {@code metrics}, validation accuracy {@code curve[i]} at step
     *         {@code (i + 1) * stepEvery} after {@code (i + 1) * secondsEvery} training seconds, and the given
     *         wall time and cost (NaN for a cost the run lacks)
     */
    static RunFile<RunSpec, Sharpness> completed(Map<String, Double> metrics, long stepEvery, double secondsEvery,
            double wallSeconds, double secondsPerEpoch, double samplesPerSecond, double... curve) {
        List<RunFile.EvaluationRow> evaluations = new ArrayList<>();
        double[] seconds = new double[curve.length];
        for (int i = 0; i < curve.length; i++) {
            evaluations.add(new RunFile.EvaluationRow((i + 1) * stepEvery, i + 1, Double.NaN, Double.NaN, Double.NaN,
                    curve[i]));
            seconds[i] = (i + 1) * secondsEvery;
        }
        return new RunFile<>(RunFile.SCHEMA_VERSION, "test", null, null, RunFile.COMPLETED, null, null, null, evaluations,
                List.of(), metrics, null, new RunFile.Timing(wallSeconds, Double.NaN, Double.NaN, secondsPerEpoch,
                        samplesPerSecond, seconds, null));
    }

    /** @return {@code run} with {@code trainingSeconds} and the measuring phases' seconds in its timing */
    static RunFile<RunSpec, Sharpness> withMeasuring(RunFile<RunSpec, Sharpness> run, double trainingSeconds,
            Map<String, Double> analysisSeconds) {
        RunFile.Timing t = run.timing();
        return new RunFile<>(run.schemaVersion(), run.configHash(), run.config(), run.provenance(), run.status(),
                run.state(), run.message(), run.steps(), run.evaluations(), run.probes(), run.metrics(),
                run.sharpness(), new RunFile.Timing(t.wallSeconds(), trainingSeconds, t.overheadSeconds(),
                        t.secondsPerEpoch(), t.samplesPerSecond(), t.trainingSecondsAtEvaluation(), analysisSeconds));
    }
}
