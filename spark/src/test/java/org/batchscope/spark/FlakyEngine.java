package org.batchscope.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.EngineRun;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.batchscope.analyzer.engine.lean.LeanEngine;

/**
 * A test engine (registered in the test class path's services file) that fails on purpose: a run with
 * seed 0 throws at its first attempt and trains as the lean engine from the second on; a run with seed 1
 * throws at every attempt. Attempts are counted per (batch size, seed) in this JVM (local mode runs the
 * tasks in the test's JVM).
 */
public final class FlakyEngine implements TrainingEngine {

    /** Attempts so far, by "batch/seed". */
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private final LeanEngine lean = new LeanEngine();

    @Override
    public String name() {
        return "flaky-test";
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public String version() {
        return lean.version();
    }

    @Override
    public boolean supports(ModelArchitecture model) {
        return lean.supports(model);
    }

    @Override
    public EngineRun start(TrainingJob job, TrainingSchedule schedule) {
        long seed = job.config().seed();
        int attempt = ATTEMPTS.computeIfAbsent(job.config().batchSize() + "/" + seed, k -> new AtomicInteger())
                .incrementAndGet();
        if (seed == 1 || attempt == 1) {
            throw new IllegalStateException("flaky engine: attempt " + attempt + " of seed " + seed + " fails");
        }
        return lean.start(job, schedule);
    }
}
