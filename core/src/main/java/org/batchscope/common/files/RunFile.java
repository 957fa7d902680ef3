package org.batchscope.common.files;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code runs/<hash>.json}, one run. Numbers that are not finite (a diverged loss) are
 * written as the strings {@code "NaN"}, {@code "Infinity"}; metrics that could not be computed are left
 * out. The config and the sharpness block are the analyzer's types ({@code C}, {@code S}); this record
 * fixes the file's shape.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION} for files this build writes
 * @param configHash    SHA-256 of the canonical JSON of {@code config} ({@link ResultFiles#toBytes}), the
 *                      file's name
 * @param config        the run's full configuration: everything that changes its numbers
 * @param provenance    what made the file
 * @param status        {@value #COMPLETED}, {@value #DIVERGED} (a non-finite loss ended it) or
 *                      {@value #FAILED} (an error, in {@code message}; a rerun retries it)
 * @param state         what the validation-accuracy curve did, snake_case: steady, improving, declining,
 *                      oscillating, collapsed (predicts one class), chance or diverged; null for a failed run
 * @param message       what went wrong, for diverged and failed runs; null otherwise
 * @param steps         per-step columns
 * @param evaluations   per evaluation
 * @param probes        per gradient probe
 * @param metrics       the run's metrics by snake_case name
 * @param sharpness     how sharpness was measured and its diagnostics, or null
 * @param timing        wall-clock time and what derives from it, kept apart: the only fields that differ
 *                      between reruns
 */
public record RunFile<C, S>(@JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("config_hash") String configHash, @JsonProperty("config") C config,
        @JsonProperty("provenance") Provenance provenance, @JsonProperty("status") String status,
        @JsonProperty("state") String state, @JsonProperty("message") String message, @JsonProperty("steps") Steps steps,
        @JsonProperty("evaluations") List<EvaluationRow> evaluations,
        @JsonProperty("gradient_probes") List<ProbeRow> probes, @JsonProperty("metrics") Map<String, Double> metrics,
        @JsonProperty("sharpness") S sharpness, @JsonProperty("timing") Timing timing) {

    /**
     * The schema this build writes and reads. 1: before schema versions and provenance; 2: without the run's
     * {@code state} and {@code majority_prediction_share} (such runs are trained again).
     */
    public static final int SCHEMA_VERSION = 3;

    public static final String COMPLETED = "completed";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";

    public RunFile {
        ResultFiles.required(status, "status");
        evaluations = List.copyOf(ResultFiles.required(evaluations, "evaluations"));
        probes = List.copyOf(ResultFiles.required(probes, "gradient_probes"));
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metrics));
    }

    /** @return whether the run trained to its end */
    public boolean completed() {
        return COMPLETED.equals(status);
    }

    /** @return whether the run is done: completed or diverged (a failed run is retried) */
    public boolean done() {
        return COMPLETED.equals(status) || DIVERGED.equals(status);
    }

    /**
     * Per-step columns, index = 0-based step.
     *
     * @param loss         minibatch mean cross-entropy before the update, nats
     * @param accuracy     minibatch accuracy before the update, fraction
     * @param learningRate the rate of the update
     */
    public record Steps(@JsonProperty("loss") double[] loss, @JsonProperty("accuracy") double[] accuracy,
            @JsonProperty("learning_rate") double[] learningRate) {
    }

    /** One evaluation (the validation predictions are not stored; churn is in the metrics). */
    public record EvaluationRow(@JsonProperty("step") long step, @JsonProperty("epoch") double epoch,
            @JsonProperty("train_loss") double trainLoss, @JsonProperty("train_accuracy") double trainAccuracy,
            @JsonProperty("validation_loss") double validationLoss,
            @JsonProperty("validation_accuracy") double validationAccuracy) {
    }

    /**
     * One gradient probe.
     *
     * @param estimator       {@code per_example} or {@code two_batch}
     * @param gradientNorm    |G|
     * @param squaredNorm     |G|^2 estimated without bias: |mean g|^2 - tr(Sigma)/n (may be <= 0)
     * @param traceCovariance tr(Sigma)
     * @param noiseScale      B_simple = tr(Sigma) / |G|^2
     * @param meanGsnr        mean gradient signal-to-noise ratio; NaN for the two-batch estimator
     * @param batchSharpness  g^T H g / |g|^2 of the probe's minibatches, averaged; NaN where not measured
     */
    public record ProbeRow(@JsonProperty("step") long step, @JsonProperty("estimator") String estimator,
            @JsonProperty("gradient_norm") double gradientNorm,
            @JsonProperty("squared_norm") double squaredNorm,
            @JsonProperty("trace_covariance") double traceCovariance,
            @JsonProperty("noise_scale") double noiseScale, @JsonProperty("mean_gsnr") double meanGsnr,
            @JsonProperty("batch_sharpness") double batchSharpness) {
    }

    /**
     * Time.
     *
     * @param wallSeconds                 wall-clock seconds of the whole run (training, evaluations, probes,
     *                                    end-of-run measures)
     * @param trainingSeconds             seconds of training steps
     * @param overheadSeconds             seconds of evaluations and gradient probes
     * @param secondsPerEpoch             training seconds per epoch
     * @param samplesPerSecond            training samples per training second
     * @param trainingSecondsAtEvaluation training seconds done at each evaluation, in order
     */
    public record Timing(@JsonProperty("wall_seconds") double wallSeconds,
            @JsonProperty("training_seconds") double trainingSeconds,
            @JsonProperty("overhead_seconds") double overheadSeconds,
            @JsonProperty("seconds_per_epoch") double secondsPerEpoch,
            @JsonProperty("samples_per_second") double samplesPerSecond,
            @JsonProperty("training_seconds_at_evaluation") double[] trainingSecondsAtEvaluation) {
    }
}
