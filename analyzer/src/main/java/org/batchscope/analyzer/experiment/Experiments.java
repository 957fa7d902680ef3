package org.batchscope.analyzer.experiment;

import java.util.List;
import java.util.Optional;

/** The experiments batchscope ships, in the order {@code batchscope experiment list} shows them. */
public final class Experiments {

    private static final List<Experiment> ALL = List.of(new EyeColourExperiment(), new LrScalingExperiment(),
            new LargeBatchGapExperiment(), new EdgeOfStabilityExperiment(), new GdVariantsExperiment(),
            new TimePerEpochExperiment(), new BatchForDecayExperiment());

    private Experiments() {
    }

    /** @return every experiment */
    public static List<Experiment> all() {
        return ALL;
    }

    /** @return the experiment called {@code name} */
    public static Optional<Experiment> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
