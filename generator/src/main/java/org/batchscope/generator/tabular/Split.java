package org.batchscope.generator.tabular;

import java.util.Locale;

/** The splits of a table, in file order; {@link #ordinal()} is the split's coordinate in random-stream paths. */
public enum Split {
    TRAIN, VAL, TEST;

    /** @return the name used in file names and manifests ({@code train}, {@code val}, {@code test}) */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
