package org.batchscope.generator.image;

import java.util.Locale;

/** The three splits; the ordinal is the split's index in every random stream's path. */
public enum Split {
    TRAIN, VAL, TEST;

    /** @return the folder name, for example {@code train} */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
