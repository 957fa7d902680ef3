package org.batchscope.spark;

import java.io.PrintWriter;
import org.batchscope.generator.ranges.RangeRunner;
import org.batchscope.generator.ranges.RangeRunnerProvider;

/** Registers {@link SparkRangeRunner} as {@code generate ... --executor spark}. */
public final class SparkRangeRunnerProvider implements RangeRunnerProvider {

    @Override
    public String name() {
        return SparkRunExecutorProvider.NAME;
    }

    @Override
    public void check(String master) {
        SparkContexts.master(master);
    }

    @Override
    public RangeRunner create(String master, PrintWriter err) {
        return new SparkRangeRunner(SparkContexts.master(master), err);
    }
}
