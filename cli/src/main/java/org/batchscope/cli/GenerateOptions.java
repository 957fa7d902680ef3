package org.batchscope.cli;

import java.io.PrintWriter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.batchscope.common.BadInputException;
import org.batchscope.generator.NoisePreset;
import org.batchscope.generator.ranges.LocalRangeRunner;
import org.batchscope.generator.ranges.RangeRunner;
import org.batchscope.generator.ranges.RangeRunners;
import org.batchscope.generator.spec.DatasetSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Mixin for the options {@code generate images} and {@code generate tabular} share, and the plumbing by
 * which options override the spec: the spec comes from {@code --spec} (or the defaults), then each option
 * given on the command line replaces the spec field of the same name.
 */
final class GenerateOptions {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (new or empty); a path or a file:// URI.")
    Path out;

    @Option(names = "--spec", paramLabel = "FILE",
            description = "YAML or JSON spec file (kind: images or tabular, or no kind); the options below override its values.")
    Path specFile;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Ratio preset: feature-dominant (r=0.3), noise-over-feature (3), noise-dominant (30).")
    String preset;

    @Option(names = "--ratio", paramLabel = "R",
            description = "Noise-to-feature ratio r: energy of structured noise / energy of the feature (spec: ratio).")
    Double ratio;

    @Option(names = "--rho", paramLabel = "P",
            description = "Shortcut strength in train, 0..1: correlation of the background or noise block with the"
                    + " class (spec: rho).")
    Double rho;

    @Option(names = "--train", paramLabel = "N", description = "Train examples (spec: train).")
    Long train;

    @Option(names = "--val", paramLabel = "N", description = "Validation examples (spec: val).")
    Long val;

    @Option(names = "--test", paramLabel = "N", description = "Test examples (spec: test).")
    Long test;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (spec: seed).")
    Long seed;

    @Mixin
    WorkerThreads threads;

    @Option(names = "--overwrite", description = "Clear --out if it holds something other than this spec's output.")
    boolean overwrite;

    @Option(names = "--executor", defaultValue = LocalRangeRunner.NAME, paramLabel = "NAME",
            description = "Where samples are made: local (threads of this process) or spark (tasks of a Spark cluster,"
                    + " writing to --out, which every host must see at the same path; in the Spark build)."
                    + " Default: ${DEFAULT-VALUE}.")
    String executor;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --executor spark: the Spark master (local[N], spark://host:port, ...; default: what"
                    + " spark-submit sets).")
    String master;

    /**
     * Checks {@code --executor}, {@code --master} and {@code --out} before anything is written.
     *
     * @return the output folder ({@code --out}, a path or a file:// URI)
     * @throws BadInputException for an executor not in this build, a bad master or an unsupported URI
     */
    Path checkedOut() {
        RangeRunners.check(executor, master);
        return StorageUri.path(out, "--out");
    }

    /** @return what opens the chosen runner, once the output folder is claimed */
    Supplier<RangeRunner> runner(int workers, PrintWriter err) {
        return () -> RangeRunners.create(executor, master, workers, err);
    }

    /**
     * @param command the command, for messages ({@code generate images})
     * @return the {@code --spec} file read as {@code type} (its {@code kind}, if any, must be that type's),
     *         or {@code defaults} without one
     */
    <T extends DatasetSpec> T baseSpec(Class<T> type, Supplier<T> defaults, String command) {
        return specFile == null ? defaults.get() : DatasetSpec.read(specFile, type, command);
    }

    /**
     * @return a mutable map of spec key to value for the shared options that were given (ratio from
     *         {@code --preset} or {@code --ratio}); a command adds its own with {@link #put}
     * @throws BadInputException when both --preset and --ratio are given
     */
    Map<String, Object> overrides() {
        if (preset != null && ratio != null) {
            throw new BadInputException("--preset and --ratio both set the ratio; give one of them");
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        put(overrides, "ratio", preset != null ? Double.valueOf(NoisePreset.fromCliName(preset).ratio()) : ratio);
        put(overrides, "rho", rho);
        put(overrides, "train", train);
        put(overrides, "val", val);
        put(overrides, "test", test);
        put(overrides, "seed", seed);
        return overrides;
    }

    /** Puts {@code key -> value} when the option was given (value not null). */
    static void put(Map<String, Object> overrides, String key, Object value) {
        if (value != null) {
            overrides.put(key, value);
        }
    }
}
