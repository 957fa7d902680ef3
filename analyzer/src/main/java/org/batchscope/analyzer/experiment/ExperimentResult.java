package org.batchscope.analyzer.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The content of {@code <out>/experiment.json}.
 *
 * @param schemaVersion the file format's version ({@value #SCHEMA_VERSION})
 * @param toolVersion   the batchscope version that wrote it
 * @param name          the experiment
 * @param claim         its claim in one sentence
 * @param source        where the claim comes from
 * @param scale         the scale it ran at
 * @param arms          what each arm ran and how many of its runs did not finish
 * @param claims        the tested claims with their verdicts
 * @param chart         the chart's data
 * @param notes         measurements without a verdict
 */
public record ExperimentResult(@JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("tool_version") String toolVersion, @JsonProperty("name") String name,
        @JsonProperty("claim") String claim, @JsonProperty("source") String source, @JsonProperty("scale") String scale,
        @JsonProperty("arms") List<ArmRecord> arms, @JsonProperty("claims") List<ClaimResult> claims,
        @JsonProperty("chart") EffectChart chart, @JsonProperty("notes") List<String> notes) {

    /** The version of this file's format. */
    public static final int SCHEMA_VERSION = 1;

    /** The file's name in the experiment's folder. */
    public static final String FILE = "experiment.json";

    /**
     * @param name        the arm
     * @param description what it is
     * @param dataset     its dataset's folder name under {@code datasets/}
     * @param folder      its results folder, relative to the experiment's folder
     * @param runs        runs in its grid
     * @param unfinished  runs that diverged or failed (counted, never dropped silently)
     */
    public record ArmRecord(@JsonProperty("name") String name, @JsonProperty("description") String description,
            @JsonProperty("dataset") String dataset, @JsonProperty("folder") String folder,
            @JsonProperty("runs") int runs, @JsonProperty("unfinished") long unfinished) {
    }
}
