package org.batchscope.analyzer.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.batchscope.common.BadInputException;

/**
 * The registered engines, found once per class loader through {@link ServiceLoader} and kept. Each
 * provider is loaded on its own: one that fails to load (a missing native library, a broken jar) is left
 * out and named, with its error, when the user asks for an engine the build lacks, and the others still
 * work. The default engine for a model is the highest {@link TrainingEngine#rank()} that supports it.
 */
public final class TrainingEngines {

    private TrainingEngines() {
    }

    /** The engines, loaded on first use (class initialisation is thread-safe and happens once). */
    private static final class Registry {
        static final List<String> FAILED = new ArrayList<>();
        static final List<TrainingEngine> ENGINES = load(FAILED);

        private static List<TrainingEngine> load(List<String> failed) {
            List<TrainingEngine> engines = new ArrayList<>();
            Map<String, String> classByName = new HashMap<>();
            for (ServiceLoader.Provider<TrainingEngine> provider : providers(failed)) {
                try {
                    TrainingEngine engine = provider.get();
                    String earlier = classByName.putIfAbsent(engine.name().toLowerCase(java.util.Locale.ROOT),
                            provider.type().getName());
                    if (earlier != null) {
                        throw new IllegalStateException("two engines are named " + engine.name() + ": " + earlier
                                + " and " + provider.type().getName());
                    }
                    engines.add(engine);
                } catch (ServiceConfigurationError | LinkageError e) {
                    failed.add(provider.type().getName() + " (" + e + ")");
                }
            }
            engines.sort(Comparator.comparingInt(TrainingEngine::rank).reversed().thenComparing(TrainingEngine::name));
            return List.copyOf(engines);
        }

        private static List<ServiceLoader.Provider<TrainingEngine>> providers(List<String> failed) {
            List<ServiceLoader.Provider<TrainingEngine>> providers = new ArrayList<>();
            var iterator = ServiceLoader.load(TrainingEngine.class, TrainingEngine.class.getClassLoader()).stream()
                    .iterator();
            while (true) {
                try {
                    if (!iterator.hasNext()) {
                        return providers;
                    }
                    providers.add(iterator.next());
                } catch (ServiceConfigurationError | LinkageError e) {
                    failed.add(e.toString());
                }
            }
        }
    }

    /** @return every registered engine, highest rank first (then by name) */
    public static List<TrainingEngine> all() {
        return Registry.ENGINES;
    }

    /** @return the registered names, highest rank first, for messages */
    public static String knownNames() {
        return all().stream().map(TrainingEngine::name).collect(Collectors.joining(", "));
    }

    /**
     * @throws BadInputException naming --engine, the requested name and the known engines when none is
     *                           called {@code name}
     */
    public static TrainingEngine byName(String name) {
        return all().stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new BadInputException("--engine " + name + ": no such engine in this build"
                        + " (known engines: " + knownNames() + ")"
                        + (Registry.FAILED.isEmpty() ? "" : "; failed to load: " + String.join("; ", Registry.FAILED))));
    }

    /**
     * @return {@code requested} if it supports the model, else (when {@code requested} is null) the
     *         highest-ranked engine that does
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
                .orElseThrow(() -> new BadInputException("--model: no engine in this build can train "
                        + model.getClass().getSimpleName() + " (known engines: " + knownNames() + ")"));
    }
}
