package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.sharpness.Sharpness;

/**
 * The content of {@code runs/<hash>.json}. Numbers that are not finite (a diverged loss) are written
 * as the strings {@code "NaN"}, {@code "Infinity"}; metrics that could not be computed are left out.
 *
 * @param configHash   SHA-256 of the canonical JSON of {@code config}, the file's name
 * @param config       the run's full configuration
 * @param status       {@code completed}, {@code diverged} (a non-finite loss ended it) or {@code failed}
 *                     (an error, in {@code message}; a rerun retries it)
 * @param state        what the validation curve did ({@link org.batchscope.analyzer.metrics.RunState#fileName()}:
 *                     steady, improving, oscillating, collapsed, chance, diverged; {@link RunStates}); null for a
 *                     failed run
 * @param message      what went wrong, for diverged and failed runs; null otherwise
 * @param steps        per-step columns
 * @param evaluations  per evaluation
 * @param probes       per gradient probe
 * @param metrics      the run's metrics by snake_case name ({@link RunMetrics})
 * @param sharpness    how sharpness was measured and its diagnostics, or null (not a completed run, or an
 *                     engine without {@link org.batchscope.analyzer.engine.DifferentiableModel})
 * @param timing       wall-clock time and what derives from it, kept apart: the only fields that differ
 *                     between reruns
 */
public record RunResult(@JsonProperty("config_hash") String configHash, @JsonProperty("config") RunSpec config,
        @JsonProperty("status") String status, @JsonProperty("state") String state,
        @JsonProperty("message") String message,
        @JsonProperty("steps") Steps steps, @JsonProperty("evaluations") List<EvaluationRow> evaluations,
        @JsonProperty("gradient_probes") List<ProbeRow> probes, @JsonProperty("metrics") Map<String, Double> metrics,
        @JsonProperty("sharpness") Sharpness sharpness, @JsonProperty("timing") Timing timing) {

    public static final String COMPLETED = "completed";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";

    /**
     * Per-step columns, index = 0-based step.
     *
     * @param loss         minibatch mean cross-entropy before the update, nats
     * @param accuracy     minibatch accuracy before the update, fraction
     * @param learningRate the rate of the update
     */
    public record Steps(@JsonProperty("loss") double[] loss, @JsonProperty("accuracy") double[] accuracy,
            @JsonProperty("learning_rate") double[] learningRate) {

        static Steps of(RunRecording recording) {
            return new Steps(recording.losses(), recording.accuracies(), recording.learningRates());
        }
    }

    /** One evaluation (the validation predictions are not stored; churn is in the metrics). */
    public record EvaluationRow(@JsonProperty("step") long step, @JsonProperty("epoch") double epoch,
            @JsonProperty("train_loss") double trainLoss, @JsonProperty("train_accuracy") double trainAccuracy,
            @JsonProperty("validation_loss") double validationLoss,
            @JsonProperty("validation_accuracy") double validationAccuracy) {

        static EvaluationRow of(RunRecorder.Evaluation e) {
            return new EvaluationRow(e.step(), e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(),
                    e.validationAccuracy());
        }
    }

    /** One gradient probe, as {@link RunRecorder.GradientProbe}. */
    public record ProbeRow(@JsonProperty("step") long step, @JsonProperty("estimator") String estimator,
            @JsonProperty("gradient_norm") double gradientNorm,
            @JsonProperty("trace_covariance") double traceCovariance,
            @JsonProperty("noise_scale") double noiseScale, @JsonProperty("mean_gsnr") double meanGsnr) {

        static ProbeRow of(RunRecorder.GradientProbe p) {
            return new ProbeRow(p.step(), p.estimator(), p.gradientNorm(), p.traceCovariance(), p.noiseScale(),
                    p.meanGsnr());
        }
    }

    /**
     * Time, as {@link RunCost} measures it.
     *
     * @param wallSeconds                   wall-clock seconds of the whole run (training, evaluations,
     *                                      probes, end-of-run measures)
     * @param trainingSeconds               seconds of training steps
     * @param overheadSeconds               seconds of evaluations and gradient probes
     * @param secondsPerEpoch               training seconds per epoch
     * @param samplesPerSecond              training samples per training second
     * @param trainingSecondsAtEvaluation   training seconds done at each evaluation, in order
     */
    public record Timing(@JsonProperty(RunCost.WALL_SECONDS) double wallSeconds,
            @JsonProperty("training_seconds") double trainingSeconds,
            @JsonProperty("overhead_seconds") double overheadSeconds,
            @JsonProperty(RunCost.SECONDS_PER_EPOCH) double secondsPerEpoch,
            @JsonProperty(RunCost.SAMPLES_PER_SECOND) double samplesPerSecond,
            @JsonProperty("training_seconds_at_evaluation") double[] trainingSecondsAtEvaluation) {
    }

    /** @return a result from a recording */
    static RunResult of(PlannedRun run, String status, String state, String message, RunRecording recording,
            Map<String, Double> metrics, Sharpness sharpness, Timing timing) {
        return new RunResult(run.hash(), run.spec(), status, state, message, Steps.of(recording),
                recording.evaluations().stream().map(EvaluationRow::of).toList(),
                recording.probes().stream().map(ProbeRow::of).toList(), metrics, sharpness, timing);
    }
}
