package org.batchscope.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.batchscope.generator.ranges.RangeRunner;
import org.batchscope.generator.ranges.RangeTask;

/**
 * Runs a generator's sample ranges as Spark tasks, one task per range. The ranges go in waves of
 * {@code inFlight} (at least the cluster's default parallelism): each wave is one job whose results come
 * back in range order ({@code collect} keeps partition order), and the driver consumes them before the
 * next wave starts, so its memory stays bounded as with local threads. A task writes only into the
 * dataset's staging folder, which must be on storage that the driver and every executor see at the same
 * path; what the driver writes itself (metadata, tables, the manifest last) it writes after its tasks.
 * Spark retries a failed task ({@code spark.task.maxFailures}); a range that still fails ends the
 * command, and the dataset stays without a manifest.
 */
final class SparkRangeRunner implements RangeRunner {

    private final String master;
    private final PrintWriter err;
    private final LazySparkContext context;

    SparkRangeRunner(String master, PrintWriter err) {
        this.master = master;
        this.err = err;
        this.context = new LazySparkContext(master, "batchscope generate");
    }

    /** One range, as a Spark element. */
    private record Range(long start, long end) implements Serializable {
    }

    @Override
    public <R extends Serializable> void run(RangeTask<R> task, long samples, int rangeSize, int inFlight,
            Consumer<R> inOrder) {
        if (samples == 0) {
            return;
        }
        JavaSparkContext sc = context.get();
        int wave = Math.max(inFlight, sc.defaultParallelism());
        long ranges = (samples + rangeSize - 1) / rangeSize;
        err.printf(Locale.ROOT, "spark: %d samples as %d tasks in waves of %d on %s%n", samples, ranges, wave, master);
        err.flush();
        long next = 0;
        while (next < samples) {
            List<Range> batch = new ArrayList<>();
            while (next < samples && batch.size() < wave) {
                long end = Math.min(samples, next + rangeSize);
                batch.add(new Range(next, end));
                next = end;
            }
            List<R> results = sc.parallelize(batch, batch.size()).map(r -> task.apply(r.start(), r.end())).collect();
            results.forEach(inOrder);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
