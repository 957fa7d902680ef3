package org.batchscope.generator.ranges;

import java.io.PrintWriter;

/**
 * A service (listed in {@code META-INF/services/org.batchscope.generator.ranges.RangeRunnerProvider})
 * that makes a {@link RangeRunner} other than {@link LocalRangeRunner}, chosen by
 * {@code generate ... --executor NAME}. The default build has none; the {@code batchscope-spark} module
 * adds {@code spark}.
 */
public interface RangeRunnerProvider {

    /** @return the name for {@code --executor} */
    String name();

    /**
     * Checks the settings before anything is written.
     *
     * @param master {@code --master}, or null for the cluster manager's own setting
     * @throws org.batchscope.common.BadInputException for settings this runner cannot use
     */
    void check(String master);

    /**
     * @param master {@code --master}, or null
     * @param err    where the runner prints what it decides
     * @return a new runner
     */
    RangeRunner create(String master, PrintWriter err);
}
