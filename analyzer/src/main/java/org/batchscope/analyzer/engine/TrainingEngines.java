package org.batchscope.analyzer.engine;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.batchscope.common.BadInputException;

/** Finds engines through {@link ServiceLoader} and picks them by name. */
public final class TrainingEngines {

    private TrainingEngines() {
    }

    /** @return every registered engine, in service-file order */
    public static List<TrainingEngine> all() {
        return ServiceLoader.load(TrainingEngine.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /**
     * @throws BadInputException naming --engine and the registered names when none is called {@code name}
     */
    public static TrainingEngine byName(String name) {
        List<TrainingEngine> engines = all();
        return engines.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new BadInputException("--engine must be one of "
                        + engines.stream().map(TrainingEngine::name).collect(Collectors.joining(", "))
                        + " (got " + name + ")"));
    }

    /**
     * @return {@code requested} if it supports the model, else (when {@code requested} is null) the first
     *         registered engine that does ({@code lean} before {@code dl4j})
     * @throws BadInputException when the requested engine cannot train the model or none can
     */
    public static TrainingEngine forModel(String requested, ModelArchitecture model) {
        if (requested != null) {
            TrainingEngine engine = byName(requested);
            BadInputException.require(engine.supports(model), "--engine",
                    "an engine that supports " + model.getClass().getSimpleName(), requested);
            return engine;
        }
        return all().stream().filter(e -> e.supports(model)).findFirst()
                .orElseThrow(() -> new BadInputException("--model: no registered engine can train "
                        + model.getClass().getSimpleName()));
    }
}
