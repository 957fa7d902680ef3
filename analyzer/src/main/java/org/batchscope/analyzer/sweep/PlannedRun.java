package org.batchscope.analyzer.sweep;

import org.batchscope.analyzer.engine.TrainingEngine;

/**
 * One run of a sweep's grid.
 *
 * @param spec         its full configuration
 * @param hash         {@code spec.hash()}, the name of its result file
 * @param datasetIndex which dataset of the sweep it trains on
 * @param engine       the engine that trains it
 * @param batchLabel   its batch size as the user named it: {@code full} or the number
 */
public record PlannedRun(RunSpec spec, String hash, int datasetIndex, TrainingEngine engine, String batchLabel) {

    /** @return the run's batch size */
    public int batchSize() {
        return spec.run().batchSize();
    }

    /** @return the run's seed */
    public long seed() {
        return spec.run().seed();
    }
}
