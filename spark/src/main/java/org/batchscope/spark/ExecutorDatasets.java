package org.batchscope.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.batchscope.analyzer.data.DatasetLoader;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.sweep.PlannedRun;
import org.batchscope.analyzer.sweep.SweepDataset;
import org.batchscope.analyzer.sweep.SweepPlan;
import org.batchscope.analyzer.sweep.SweepSpec;
import org.batchscope.common.Json;
import org.batchscope.generator.image.ImageDatasetWriter;
import org.batchscope.generator.spec.ImageSpec;
import org.batchscope.generator.output.Manifest;
import org.batchscope.generator.tabular.TabularGenerator;
import org.batchscope.generator.spec.TabularSpec;

/**
 * The datasets an executor JVM holds, each obtained once per JVM as its {@link DatasetSource} says (by
 * path; fetched through Hadoop's FileSystem into {@code <cache>/<content_sha256>} by {@link HadoopDatasets};
 * or generated from its spec into {@code <cache>/<content_sha256>} and checked, where the cache is the
 * system property {@value #CACHE_PROPERTY} or {@code <java.io.tmpdir>/batchscope-spark-data}), with the
 * sweep plans and probe sets built on it. Thread-safe: tasks run concurrently.
 */
final class ExecutorDatasets {

    /** The system property that names the folder for generated datasets. */
    static final String CACHE_PROPERTY = "batchscope.spark.dataCache";

    /** How the executor got a dataset. */
    enum Origin {
        /** read at the driver's path */
        PATH,
        /** generated from the manifest's spec, content checked */
        GENERATED,
        /** fetched through Hadoop's FileSystem into this host's cache (by this task or an earlier one), checked */
        FETCHED
    }

    /**
     * One dataset on this executor.
     *
     * @param dataset   the dataset as the driver's sweep has it
     * @param origin    how it was obtained
     * @param probeSets the gradient probe sets built on it so far
     * @param plans     sweep spec JSON -> run hash -> planned run
     */
    record Held(SweepDataset dataset, Origin origin, Map<String, TensorData> probeSets,
            Map<String, Map<String, PlannedRun>> plans) {

        /**
         * @return the run with config hash {@code hash} of the sweep {@code specJson} planned on this dataset
         * @throws IllegalStateException when the plan here has no such run (driver and executor disagree)
         */
        PlannedRun plannedRun(String specJson, String hash) {
            Map<String, PlannedRun> byHash = plans.computeIfAbsent(specJson, json -> {
                try {
                    SweepSpec spec = Json.mapper().readValue(json, SweepSpec.class);
                    return SweepPlan.plan(spec, List.of(dataset)).stream()
                            .collect(Collectors.toMap(PlannedRun::hash, Function.identity()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the sweep spec sent by the driver", e);
                }
            });
            PlannedRun run = byHash.get(hash);
            if (run == null) {
                throw new IllegalStateException("run " + hash + " is not in the sweep as planned on this executor;"
                        + " the executor's batchscope differs from the driver's, or its engine settings do (a run's"
                        + " config holds them, among them the OpenBLAS kernels: set OPENBLAS_CORETYPE=Haswell both in"
                        + " the driver's environment and with spark.executorEnv.OPENBLAS_CORETYPE)");
            }
            return run;
        }
    }

    private static final Map<DatasetSource, Held> HELD = new ConcurrentHashMap<>();

    private ExecutorDatasets() {
    }

    /** @return the dataset of {@code source}, obtained on first use in this JVM */
    static Held obtain(DatasetSource source) {
        return HELD.computeIfAbsent(source, ExecutorDatasets::load);
    }

    private static Held load(DatasetSource source) {
        if (source.remote()) {
            return held(source, fetch(source), Origin.FETCHED);
        }
        Path path = Path.of(source.path());
        Origin origin = Origin.PATH;
        LoadedDataset data = null;
        if (Files.exists(path)) {
            data = DatasetLoader.load(path, source.options());
            if (!data.contentSha256().equals(source.contentSha256())) {
                data = null;
                if (!source.generated()) {
                    throw new IllegalStateException(path + " on executor host " + host() + " holds other data than"
                            + " the driver's (content_sha256 differs); every executor must see the same dataset");
                }
            }
        } else if (!source.generated()) {
            throw new IllegalStateException("dataset " + path + " is not on executor host " + host() + "; put it"
                    + " on storage every executor sees at the same path");
        }
        if (data == null) {
            data = DatasetLoader.load(generate(source), source.options());
            origin = Origin.GENERATED;
        }
        return held(source, data, origin);
    }

    private static Held held(DatasetSource source, LoadedDataset data, Origin origin) {
        return new Held(new SweepDataset(data, source.ratio(), source.options()), origin, new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>());
    }

    /** @return the dataset at the source's URI, from this host's cache or fetched into it, checked */
    private static LoadedDataset fetch(DatasetSource source) {
        try {
            return HadoopDatasets.obtain(URI.create(source.path()), source.contentSha256(), source.options(),
                    HadoopDatasets.configuration()).data();
        } catch (RuntimeException e) {
            throw new IllegalStateException("dataset " + source.path() + " on executor host " + host() + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return this host's folder for fetched and generated datasets, each in {@code <content_sha256>/} */
    static Path cache() {
        String configured = System.getProperty(CACHE_PROPERTY);
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "batchscope-spark-data");
    }

    /**
     * Generates the dataset from its spec (or finds an earlier generation of it on this host) and checks
     * the SHA-256 of the files against the manifest's {@code content_sha256}.
     *
     * @return the folder
     */
    static Path generate(DatasetSource source) {
        Path cache = cache();
        Path folder = cache.resolve(source.contentSha256());
        try {
            if (!Files.isDirectory(folder) || !hasContent(folder, source.contentSha256())) {
                Files.createDirectories(cache);
                Path fresh = Files.createTempDirectory(cache, source.contentSha256().substring(0, 12) + "-");
                Path target = fresh.resolve("dataset");
                int threads = Runtime.getRuntime().availableProcessors();
                if (source.generatorKind().equals(LoadedDataset.IMAGES)) {
                    ImageSpec spec = Json.mapper().readValue(source.generatorSpec(), ImageSpec.class);
                    new ImageDatasetWriter(spec, threads, (split, done, total) -> { }).write(target, false);
                } else {
                    TabularSpec spec = Json.mapper().readValue(source.generatorSpec(), TabularSpec.class);
                    TabularGenerator.generate(spec, target, false, threads, (split, done, total) -> { });
                }
                if (!hasContent(target, source.contentSha256())) {
                    throw new IllegalStateException("the dataset generated on executor host " + host() + " from "
                            + source.path() + "'s spec differs from its manifest (content_sha256)");
                }
                try {
                    Files.move(target, folder, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException another) {
                    // another JVM on this host published the same content first: use ours
                    return target;
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate " + source.path() + " on executor host " + host()
                    + ": " + e.getMessage(), e);
        }
    }

    /** @return whether the files of {@code folder} (manifest aside) hash to {@code contentSha256} */
    private static boolean hasContent(Path folder, String contentSha256) {
        return Manifest.contentSha256(Manifest.hashFiles(folder)).equals(contentSha256);
    }

    static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "(unknown host)";
        }
    }
}
