package org.batchscope.analyzer.sweep;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.batchscope.common.BadInputException;

/** Finds the {@link RunExecutor} that {@code --executor NAME} names. */
public final class RunExecutors {

    /** How to build the Spark executor, for the message when it is missing. */
    static final String SPARK_BUILD_HINT = "the spark executor is not in this build; build it with"
            + " 'mvn -B package -pl spark -am' and run spark/target/batchscope-spark.jar with spark-submit"
            + " (README: Running on a Spark cluster)";

    private RunExecutors() {
    }

    /** @return the names {@code --executor} accepts in this build */
    public static List<String> names() {
        return Stream.concat(Stream.of(LocalRunExecutor.NAME), providers().map(RunExecutorProvider::name)).toList();
    }

    /**
     * @param name     {@code local} or the name of a provider on the class path
     * @param settings the command line's executor settings
     * @throws BadInputException for an unknown name, or {@code --master} with the local executor
     */
    public static RunExecutor create(String name, RunExecutorProvider.Settings settings) {
        if (name.equals(LocalRunExecutor.NAME)) {
            BadInputException.require(settings.master() == null, "--master", "used with --executor spark",
                    settings.master());
            return new LocalRunExecutor(settings.threads());
        }
        return providers().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException(name.equals("spark") ? "--executor spark: " + SPARK_BUILD_HINT
                        : "--executor must be one of " + names() + " (got " + name + ")"))
                .create(settings);
    }

    private static Stream<RunExecutorProvider> providers() {
        return ServiceLoader.load(RunExecutorProvider.class).stream().map(ServiceLoader.Provider::get);
    }
}
