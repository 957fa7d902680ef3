package org.batchscope.analyzer.sweep;

import java.io.PrintWriter;

/**
 * A service (listed in {@code META-INF/services/org.batchscope.analyzer.sweep.RunExecutorProvider}) that
 * makes a {@link RunExecutor} other than the built-in {@link LocalRunExecutor}, chosen by
 * {@code --executor NAME}. The default build has none; the {@code batchscope-spark} module adds
 * {@code spark}.
 */
public interface RunExecutorProvider {

    /**
     * What the command line says about the executor.
     *
     * @param master  {@code --master}, or null to take the cluster manager's own setting
     * @param threads {@code --threads}: runs at once for an executor that uses this machine
     * @param err     where the executor prints what it decides (how data reaches the workers, for example)
     */
    record Settings(String master, int threads, PrintWriter err) {
    }

    /** @return the name for {@code --executor} */
    String name();

    /** @return a new executor; it may check the settings and throw a BadInputException */
    RunExecutor create(Settings settings);
}
