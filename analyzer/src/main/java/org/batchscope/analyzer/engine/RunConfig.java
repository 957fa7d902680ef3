package org.batchscope.analyzer.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.batchscope.common.BadInputException;

/**
 * Everything that defines one run apart from the data: model, optimiser, schedule, batch size, budget,
 * seed, initialisation, and how often to evaluate ({@code evalEverySteps}, 0 = once per epoch only)
 * and to probe gradient statistics ({@code probeEverySteps}, 0 = never) on {@code probeSize} examples;
 * {@code batchSchedule} multiplies the batch size at given epochs ({@link TrainingSchedule}).
 * Its canonical JSON is hashed to key the run's result file; a run without a batch schedule leaves
 * {@code batch_schedule} out of it, so its hash is the one it had before batch schedules existed.
 */
public record RunConfig(ModelArchitecture model, OptimizerSpec optimizer, LrSchedule schedule, int batchSize,
        Budget budget, long seed, Initialization init, int evalEverySteps, int probeEverySteps, int probeSize,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoBatchSchedule.class)
        EpochMilestones batchSchedule) {

    public RunConfig {
        BadInputException.require(model != null, "model", "a model", null);
        BadInputException.require(optimizer != null, "optimizer", "an optimiser", null);
        BadInputException.require(schedule != null, "lr_schedule", "a schedule", null);
        BadInputException.require(batchSize > 0, "--batch-sizes", "positive integers", batchSize);
        BadInputException.require(budget != null, "--budget", "a budget", null);
        BadInputException.require(init != null, "init", "xavier or he", null);
        BadInputException.require(evalEverySteps >= 0, "eval_every_steps", "an integer >= 0", evalEverySteps);
        BadInputException.require(probeEverySteps >= 0, "probe_every_steps", "an integer >= 0", probeEverySteps);
        BadInputException.require(probeSize >= 0, "probe_size", "an integer >= 0", probeSize);
        batchSchedule = batchSchedule == null ? EpochMilestones.NONE : batchSchedule;
    }

    /** A run at a constant batch size. */
    public RunConfig(ModelArchitecture model, OptimizerSpec optimizer, LrSchedule schedule, int batchSize,
            Budget budget, long seed, Initialization init, int evalEverySteps, int probeEverySteps, int probeSize) {
        this(model, optimizer, schedule, batchSize, budget, seed, init, evalEverySteps, probeEverySteps, probeSize,
                EpochMilestones.NONE);
    }

    /** Jackson's value filter that leaves {@link EpochMilestones#NONE} out of the JSON (equals = exclude). */
    static final class NoBatchSchedule {
        @Override
        public boolean equals(Object value) {
            return value == null || value instanceof EpochMilestones milestones && milestones.isNone();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
