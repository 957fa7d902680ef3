package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.common.Json;
import org.batchscope.common.Sha256;

/**
 * Everything that determines one run's results, written as {@code config} in its result file; the
 * SHA-256 of its canonical JSON ({@link Json#toBytes}) is the run's key, {@link #hash()}.
 *
 * @param dataset          the dataset's identity
 * @param engine           the engine's name
 * @param run              the engine's run configuration (learning rate already scaled)
 * @param lr               the base learning rate, given for {@code lrReferenceBatch}
 * @param lrScaling        {@code fixed}, {@code linear} or {@code sqrt}
 * @param lrReferenceBatch the batch size {@code lr} is given for
 * @param probeSelection   how the gradient probe set is chosen (see {@link SweepPlan#probeSet})
 */
public record RunSpec(@JsonProperty("dataset") SweepDataset.Ref dataset, @JsonProperty("engine") String engine,
        @JsonProperty("run") RunConfig run, @JsonProperty("lr") double lr,
        @JsonProperty("lr_scaling") String lrScaling, @JsonProperty("lr_reference_batch") int lrReferenceBatch,
        @JsonProperty("probe_selection") String probeSelection) {

    /** @return the lower-case hex SHA-256 of this config's canonical JSON */
    public String hash() {
        return Sha256.of(Json.toBytes(this));
    }
}
