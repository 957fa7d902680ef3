package org.batchscope.analyzer.engine;

import org.batchscope.common.BadInputException;

/**
 * Everything that defines one run apart from the data: model, optimiser, schedule, batch size, budget,
 * seed, initialisation, and how often to evaluate ({@code evalEverySteps}, 0 = once per epoch only)
 * and to probe gradient statistics ({@code probeEverySteps}, 0 = never) on {@code probeSize} examples.
 * Its canonical JSON is hashed to key the run's result file.
 */
public record RunConfig(ModelArchitecture model, OptimizerSpec optimizer, LrSchedule schedule, int batchSize,
        Budget budget, long seed, Initialization init, int evalEverySteps, int probeEverySteps, int probeSize) {

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
    }
}
