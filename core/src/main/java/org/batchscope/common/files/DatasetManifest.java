package org.batchscope.common.files;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;

/**
 * What readers take from a generated dataset's {@code manifest.json} (the generator writes more: the full
 * spec, counts, the random generator; those keys are ignored here).
 *
 * @param kind          {@code images} or {@code tabular}
 * @param toolVersion   the generator that wrote it, e.g. {@code batchscope 0.1.0}
 * @param specSha256    SHA-256 of the canonical spec, the dataset's recipe
 * @param contentSha256 SHA-256 over the {@code files} lines, the dataset's identity
 * @param spec          the spec's noise ratio r and shortcut strength rho (and, for tables, the shortcut
 *                      block), when it has them
 * @param achievedRatio the r measured on the generated data, when measured
 * @param columns       a table's feature columns in file order (empty for images)
 * @param roles         a table's column name to role ({@code informative}, {@code noise:<kind>:<block>}, ...)
 * @param files         relative path to SHA-256 of every file of the dataset
 * @param backgroundOfClass an image dataset's class name to the background family rho ties to it
 *                      (empty when not recorded)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetManifest(@JsonProperty("kind") String kind, @JsonProperty("tool_version") String toolVersion,
        @JsonProperty("spec_sha256") String specSha256, @JsonProperty("content_sha256") String contentSha256,
        @JsonProperty("spec") Spec spec, @JsonProperty("achieved_ratio") AchievedRatio achievedRatio,
        @JsonProperty("columns") List<String> columns, @JsonProperty("roles") Map<String, String> roles,
        @JsonProperty("files") Map<String, String> files,
        @JsonProperty("background_of_class") Map<String, String> backgroundOfClass) {

    /** The part of the spec readers use. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Spec(@JsonProperty("ratio") Double ratio, @JsonProperty("rho") Double rho,
            @JsonProperty("shortcut_block") Integer shortcutBlock) {
    }

    /** The part of the achieved-ratio summary readers use. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AchievedRatio(@JsonProperty("mean") Double mean) {
    }

    public DatasetManifest {
        columns = columns == null ? List.of() : List.copyOf(columns);
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        files = files == null ? Map.of() : Map.copyOf(files);
        backgroundOfClass = backgroundOfClass == null ? Map.of() : Map.copyOf(backgroundOfClass);
    }

    /** @return the training split's shortcut strength rho, or null when the spec has none */
    public Double rho() {
        return spec == null ? null : spec.rho();
    }

    /** @return the spec's ratio r, or null */
    public Double ratio() {
        return spec == null ? null : spec.ratio();
    }

    /** @return the mean achieved ratio, or null */
    public Double achievedRatioMean() {
        return achievedRatio == null ? null : achievedRatio.mean();
    }

    /** @throws BadInputException naming the file when it cannot be read or is not a manifest */
    public static DatasetManifest read(Path file) {
        try {
            return Json.mapper().readValue(file.toFile(), DatasetManifest.class);
        } catch (IOException e) {
            throw new BadInputException(file + ": not a dataset manifest (" + e.getMessage() + ")", e);
        }
    }
}
