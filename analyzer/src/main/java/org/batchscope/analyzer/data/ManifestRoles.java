package org.batchscope.analyzer.data;

import java.util.List;
import org.batchscope.common.files.DatasetManifest;

/**
 * Reads the per-column roles of a generated table from its manifest: {@code columns} lists the feature
 * columns in file order and {@code roles} maps each column name to its role ({@code informative},
 * {@code redundant}, {@code repeated}, {@code noise:<kind>:<block>}, {@code noise:iid}, or
 * {@code rotated} when the generator rotated the table).
 */
final class ManifestRoles {

    private ManifestRoles() {
    }

    /** @return the role of each feature column in file order ({@code unknown} where none); empty without columns */
    static List<String> columnRoles(DatasetManifest manifest) {
        return manifest.columns().stream().map(c -> manifest.roles().getOrDefault(c, "unknown")).toList();
    }
}
