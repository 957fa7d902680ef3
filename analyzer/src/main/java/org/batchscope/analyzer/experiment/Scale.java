package org.batchscope.analyzer.experiment;

import java.util.Arrays;
import java.util.Locale;
import org.batchscope.common.BadInputException;

/**
 * How large an experiment runs: {@code small} (a smoke run, at most about 3 minutes on 2 cores),
 * {@code default} (at most about 10 minutes on 2 cores) or {@code large} (for serious runs: more seeds
 * and data, hours on a laptop). Each experiment maps the scale to its own sizes.
 */
public enum Scale {
    SMALL, DEFAULT, LARGE;

    /** @return the lower-case name used on the command line and in files */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text the value of {@code --scale}
     * @throws BadInputException naming the option and the allowed values
     */
    public static Scale parse(String text) {
        return Arrays.stream(values()).filter(s -> s.cliName().equals(text)).findFirst()
                .orElseThrow(() -> new BadInputException("--scale must be small, default or large, not '" + text + "'"));
    }

    /**
     * @param small   the value at {@code small}
     * @param normal  the value at {@code default}
     * @param large   the value at {@code large}
     * @return the value for this scale
     */
    public int pick(int small, int normal, int large) {
        return switch (this) {
            case SMALL -> small;
            case DEFAULT -> normal;
            case LARGE -> large;
        };
    }
}
