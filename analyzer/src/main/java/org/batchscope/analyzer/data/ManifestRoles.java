package org.batchscope.analyzer.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the per-column roles of a generated table from its manifest: {@code columns} lists the feature
 * columns in file order and {@code roles} maps each column name to its role ({@code informative},
 * {@code redundant}, {@code repeated}, {@code noise:<kind>:<block>}, {@code noise:iid}, or
 * {@code rotated} when the generator rotated the table).
 */
final class ManifestRoles {

    private ManifestRoles() {
    }

    /** @return the role of each feature column in file order; empty when the manifest lists no columns */
    static List<String> columnRoles(JsonNode manifest) {
        JsonNode columns = manifest.path("columns");
        JsonNode roles = manifest.path("roles");
        List<String> out = new ArrayList<>();
        if (!columns.isArray()) {
            return out;
        }
        for (JsonNode column : columns) {
            out.add(roles.path(column.asText()).asText("unknown"));
        }
        return out;
    }
}
