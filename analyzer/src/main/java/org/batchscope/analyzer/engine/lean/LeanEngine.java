package org.batchscope.analyzer.engine.lean;

import java.util.Map;
import java.util.TreeMap;
import org.batchscope.analyzer.engine.BlasKernel;
import org.batchscope.analyzer.engine.EngineRun;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.batchscope.common.ToolVersion;

/**
 * The {@code lean} engine: the built-in models (logistic regression, MLP, small CNN) in plain Java on
 * float arrays, with OpenBLAS matrix products for the convolutions. Stateless; each run builds its own
 * buffers, so runs on different threads never share mutable state. Its code ships with batchscope, so its
 * version is the tool's; it ranks above {@code dl4j} ({@value #RANK}), so it trains the built-in models
 * unless the user picks another engine.
 */
public final class LeanEngine implements TrainingEngine {

    /** The name users pick it by. */
    public static final String NAME = "lean";

    /** The preference among engines that support a model. */
    public static final int RANK = 20;

    /** The name of the threads-per-run setting in run configs. */
    public static final String THREADS_PER_RUN = "threads_per_run";

    /**
     * System property with the threads per run (1, the default, or 2) of engines built with
     * {@link #LeanEngine()}, read at the start of each run. With 2, each step's minibatch (of at least 2
     * samples) is split into two fixed contiguous halves, the first {@code ceil(b / 2)} samples on the
     * run's thread and the rest on a helper thread that the run starts and stops; the halves' gradients
     * are added in a fixed order and one optimiser update follows. Results do not depend on timing and
     * differ from one-thread results by float rounding only. Meant for single runs on a machine with a
     * spare core; a sweep already runs one run per core.
     */
    public static final String THREADS_PER_RUN_PROPERTY = "batchscope.lean.threadsPerRun";

    /** Threads per run, or 0: read {@link #THREADS_PER_RUN_PROPERTY} at each run. */
    private final int threadsPerRun;

    /** An engine whose threads per run come from {@link #THREADS_PER_RUN_PROPERTY} (default 1). */
    public LeanEngine() {
        this.threadsPerRun = 0;
    }

    /** @param threadsPerRun 1 or 2 */
    public LeanEngine(int threadsPerRun) {
        if (threadsPerRun != 1 && threadsPerRun != 2) {
            throw new IllegalArgumentException("threadsPerRun must be 1 or 2, not " + threadsPerRun);
        }
        this.threadsPerRun = threadsPerRun;
    }

    /** @return the threads per run the next run will use */
    public int threadsPerRun() {
        return threadsPerRun != 0 ? threadsPerRun : Integer.getInteger(THREADS_PER_RUN_PROPERTY, 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return RANK;
    }

    @Override
    public String version() {
        return ToolVersion.version();
    }

    /**
     * @return {@value #THREADS_PER_RUN} (two threads sum a step's gradient in another order than one) and, in a
     *         process whose OpenBLAS kernels are not pinned, which kernels it runs ({@link BlasKernel})
     */
    @Override
    public Map<String, Object> numericSettings() {
        Map<String, Object> settings = new TreeMap<>(BlasKernel.numericSettings());
        settings.put(THREADS_PER_RUN, threadsPerRun());
        return settings;
    }

    @Override
    public boolean supports(ModelArchitecture model) {
        return model instanceof ModelArchitecture.LogisticRegression || model instanceof ModelArchitecture.Mlp
                || model instanceof ModelArchitecture.SmallCnn;
    }

    @Override
    public EngineRun start(TrainingJob job, TrainingSchedule schedule) {
        if (!supports(job.config().model())) {
            throw new IllegalArgumentException("the lean engine cannot train " + job.config().model());
        }
        return new LeanRun(job, schedule, threadsPerRun());
    }
}
