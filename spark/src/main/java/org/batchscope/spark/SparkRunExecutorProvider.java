package org.batchscope.spark;

import org.batchscope.analyzer.sweep.RunExecutor;
import org.batchscope.analyzer.sweep.RunExecutorProvider;

/** Registers {@link SparkRunExecutor} as {@code --executor spark}. */
public final class SparkRunExecutorProvider implements RunExecutorProvider {

    /** The executor's name on the command line. */
    public static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RunExecutor create(Settings settings) {
        return new SparkRunExecutor(SparkContexts.master(settings.master()), settings.err());
    }
}
