package org.batchscope.generator.tabular;

import org.batchscope.generator.spec.TabularSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of a table before rotation and reordering ("latent" columns), in generation order:
 * informative {@code inf_j}, redundant {@code red_j}, repeated {@code rep_j}, then each structured-noise
 * block b as {@code <kind><b>_j} (for example {@code factor0_3}), then iid noise {@code noise_j}. Roles
 * are {@code informative}, {@code redundant}, {@code repeated}, {@code noise:<kind>:<b>} and
 * {@code noise:iid}.
 */
final class ColumnLayout {

    private final List<String> names = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();
    private final int informative;
    private final int structuredStart;
    private final int structuredEnd;

    ColumnLayout(TabularSpec spec) {
        informative = spec.nInformative();
        add("inf_", "informative", spec.nInformative());
        add("red_", "redundant", spec.nRedundant());
        add("rep_", "repeated", spec.nRepeated());
        structuredStart = names.size();
        for (int b = 0; b < spec.noiseBlocks().size(); b++) {
            NoiseBlockSpec block = spec.noiseBlocks().get(b);
            add(block.kind() + b + "_", "noise:" + block.kind() + ":" + b, block.columns());
        }
        structuredEnd = names.size();
        add("noise_", "noise:iid", spec.nNoise());
    }

    private void add(String prefix, String role, int count) {
        for (int j = 0; j < count; j++) {
            names.add(prefix + j);
            roles.add(role);
        }
    }

    /** @return the number of latent columns */
    int size() {
        return names.size();
    }

    List<String> names() {
        return Collections.unmodifiableList(names);
    }

    List<String> roles() {
        return Collections.unmodifiableList(roles);
    }

    /** @return the informative columns are {@code [0, informativeEnd())} */
    int informativeEnd() {
        return informative;
    }

    /** @return the first structured-noise column */
    int structuredStart() {
        return structuredStart;
    }

    /** @return one past the last structured-noise column */
    int structuredEnd() {
        return structuredEnd;
    }
}
