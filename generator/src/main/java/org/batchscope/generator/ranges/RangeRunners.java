package org.batchscope.generator.ranges;

import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.batchscope.common.BadInputException;

/** Finds the {@link RangeRunner} that {@code generate ... --executor NAME} names. */
public final class RangeRunners {

    private RangeRunners() {
    }

    /** @return the names {@code --executor} accepts in this build */
    public static List<String> names() {
        return Stream.concat(Stream.of(LocalRangeRunner.NAME), providers().map(RangeRunnerProvider::name)).toList();
    }

    /**
     * Checks {@code --executor} and {@code --master} before any work starts.
     *
     * @return the provider of runner {@code name}, or null for the local runner
     * @throws BadInputException for a runner not in this build, or a master it cannot use
     */
    public static RangeRunnerProvider check(String name, String master) {
        if (name.equals(LocalRangeRunner.NAME)) {
            BadInputException.require(master == null, "--master", "used with --executor spark", master);
            return null;
        }
        RangeRunnerProvider provider = providers().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException(name.equals("spark")
                        ? "--executor spark: the spark executor is not in this build; build it with"
                                + " 'mvn -B package -pl spark -am' and run spark/target/batchscope-spark.jar"
                                + " (README: Running on a Spark cluster)"
                        : "--executor must be one of " + names() + " (got " + name + ")"));
        provider.check(master);
        return provider;
    }

    /**
     * @param threads worker threads of the local runner
     * @return a new runner named {@code name}
     */
    public static RangeRunner create(String name, String master, int threads, PrintWriter err) {
        RangeRunnerProvider provider = check(name, master);
        return provider == null ? new LocalRangeRunner(threads) : provider.create(master, err);
    }

    private static Stream<RangeRunnerProvider> providers() {
        return ServiceLoader.load(RangeRunnerProvider.class).stream().map(ServiceLoader.Provider::get);
    }
}
