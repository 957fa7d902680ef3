package org.batchscope.common.files;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code summary.json}. The sweep's settings are the analyzer's type ({@code S}); the rows
 * are open maps (snake_case column name to number, text, list or null), because their metric columns grow
 * with the metrics the runs carry.
 *
 * @param schemaVersion     {@value #SCHEMA_VERSION} for files this build writes
 * @param provenance        what wrote the summary (engine fields null: each run file names its engine)
 * @param sweep             the sweep's settings
 * @param runs              the config hashes of the runs the summary covers ({@code runs/<hash>.json}), in
 *                          plan order, those without a file left out
 * @param cells             one row per cell: identifying columns, then statistics per metric
 * @param comparisons       one row per dataset, learning rate and pair of batch sizes
 * @param datasets          one row per dataset
 * @param noiseRobustness   one row per batch size and learning rate across noise ratios
 * @param verdict           the verdict, line by line
 */
public record SummaryFile<S>(@JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("provenance") Provenance provenance, @JsonProperty("sweep") S sweep,
        @JsonProperty("runs") List<String> runs, @JsonProperty("cells") List<Map<String, Object>> cells,
        @JsonProperty("comparisons") List<Map<String, Object>> comparisons,
        @JsonProperty("datasets") List<Map<String, Object>> datasets,
        @JsonProperty("noise_robustness") List<Map<String, Object>> noiseRobustness,
        @JsonProperty("verdict") List<String> verdict) {

    /** The schema this build writes and reads. 1: before schema versions, provenance and the run list. */
    public static final int SCHEMA_VERSION = 2;

    public SummaryFile {
        ResultFiles.required(sweep, "sweep");
        runs = List.copyOf(ResultFiles.required(runs, "runs"));
        cells = List.copyOf(ResultFiles.required(cells, "cells"));
        comparisons = List.copyOf(ResultFiles.required(comparisons, "comparisons"));
        datasets = List.copyOf(ResultFiles.required(datasets, "datasets"));
        noiseRobustness = List.copyOf(ResultFiles.required(noiseRobustness, "noise_robustness"));
        verdict = List.copyOf(ResultFiles.required(verdict, "verdict"));
    }
}
