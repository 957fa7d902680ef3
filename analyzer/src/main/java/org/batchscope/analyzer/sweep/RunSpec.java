package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.sharpness.SharpnessSettings;
import org.batchscope.common.Sha256;
import org.batchscope.common.files.ResultFiles;

/**
 * Everything that determines one run's numbers, written as {@code config} in its result file; the
 * SHA-256 of its canonical JSON ({@link ResultFiles#toBytes}) is the run's key, {@link #hash()}. The
 * engine's version is not part of it: it is in the file's provenance, and a stored run made by another
 * engine version is trained again under the same key.
 *
 * @param dataset          the dataset's identity
 * @param engine           the engine's name
 * @param engineSettings   the engine's settings that change numbers ({@code TrainingEngine.numericSettings()})
 * @param run              the engine's run configuration (learning rate already scaled)
 * @param lr               the base learning rate, given for {@code lrReferenceBatch}
 * @param lrScaling        {@code fixed}, {@code linear} or {@code sqrt}
 * @param lrReferenceBatch the batch size {@code lr} is given for
 * @param probeSelection   how the gradient probe set is chosen (see {@link SweepPlan#probeSet})
 * @param sharpness        how the end-of-run sharpness is measured (when the engine's model allows it)
 * @param trainEvalSamples training samples each evaluation during training scores (the first of
 *                         the first samples of the {@link SweepPlan#probeSet} order; the training-set size when all)
 * @param gapSamples       training samples the end-of-run train accuracy and loss (and so the generalization gap)
 *                         score: the first of the {@link SweepPlan#probeSet} order, or null for the whole training
 *                         set (then left out of the JSON, so runs measured on every sample keep their hash)
 * @param validationSamples validation samples each evaluation during training scores: the first of the same
 *                         permutation of the validation split ({@link SweepPlan#probeSet} applied to it), or null for
 *                         the whole split (then left out of the JSON, so runs evaluated on every sample keep their hash)
 */
public record RunSpec(@JsonProperty("dataset") SweepDataset.Ref dataset, @JsonProperty("engine") String engine,
        @JsonProperty("engine_settings") Map<String, Object> engineSettings, @JsonProperty("run") RunConfig run,
        @JsonProperty("lr") double lr, @JsonProperty("lr_scaling") String lrScaling,
        @JsonProperty("lr_reference_batch") int lrReferenceBatch,
        @JsonProperty("probe_selection") String probeSelection,
        @JsonProperty("sharpness") SharpnessSettings sharpness,
        @JsonProperty("train_eval_samples") int trainEvalSamples,
        @JsonProperty("gap_samples") @JsonInclude(JsonInclude.Include.NON_NULL) Integer gapSamples,
        @JsonProperty("validation_samples") @JsonInclude(JsonInclude.Include.NON_NULL) Integer validationSamples) {

    public RunSpec {
        engineSettings = java.util.Collections.unmodifiableMap(new TreeMap<>(engineSettings));
    }

    /** @return the lower-case hex SHA-256 of this config's canonical JSON */
    public String hash() {
        return Sha256.of(ResultFiles.toBytes(this));
    }
}
