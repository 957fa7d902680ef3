package org.batchscope.analyzer.engine.dl4j;

import org.batchscope.analyzer.engine.LrSchedule;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * The run's learning-rate schedule as a DL4J {@link ISchedule}: {@code valueAt(t, epoch)} is
 * {@link LrSchedule#rate(double, long, long) schedule.rate(baseLr, t, totalSteps)}, where t is the
 * network's 0-based iteration counter (one per minibatch update, the engine starts it at 0). DL4J
 * asks for the rate before each update, so step t uses the rate of step t, as in the lean engine.
 * Immutable, so {@link #clone()} returns this.
 */
final class LrScheduleAdapter implements ISchedule {

    private static final long serialVersionUID = 1L;

    private final LrSchedule schedule;
    private final double baseLr;
    private final long totalSteps;

    LrScheduleAdapter(LrSchedule schedule, double baseLr, long totalSteps) {
        this.schedule = schedule;
        this.baseLr = baseLr;
        this.totalSteps = totalSteps;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return schedule.rate(baseLr, iteration, totalSteps);
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
