package org.batchscope.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.RemoteDatasetReader;
import org.batchscope.analyzer.sweep.SweepDataset;
import org.batchscope.common.Json;
import org.batchscope.generator.output.DatasetFolder;

/**
 * How an executor gets one dataset of the sweep, sent with every task. A dataset the driver read from a
 * Hadoop FileSystem URI ({@code hdfs://}, {@code s3a://}, ...) is fetched from there into the executor host's
 * cache and checked against {@code content_sha256} ({@link HadoopDatasets}). Otherwise the executor reads the dataset at
 * {@code path} when it sees there the content the driver planned with (a local path on one host, or a
 * folder every host mounts at the same place); otherwise, for a dataset batchscope generated, it
 * generates the dataset from the manifest's spec (generation depends on the spec and seed alone) and
 * checks the result's {@code content_sha256} against the manifest's. A dataset that is neither on the
 * executor's storage nor generated cannot be trained there, and the task fails saying so.
 *
 * @param path            the dataset's absolute path on the driver, or its URI
 * @param contentSha256   its content hash, the identity every run config carries
 * @param ratio           the ratio the sweep assigns it (part of the run configs), or null
 * @param labelColumn     {@code --label-column}
 * @param imageSize       {@code --image-size}, or null
 * @param generatorKind   {@code images} or {@code tabular} for a generated dataset, else null
 * @param generatorSpec   the manifest's {@code spec} as JSON for a generated dataset, else null
 */
record DatasetSource(String path, String contentSha256, Double ratio, String labelColumn, Integer imageSize,
        String generatorKind, String generatorSpec) implements Serializable {

    /** @return the source of a sweep dataset as the driver sees it */
    static DatasetSource of(SweepDataset dataset) {
        if (RemoteDatasetReader.isUri(dataset.data().source())) {
            return new DatasetSource(dataset.data().source(), dataset.data().contentSha256(), dataset.ratio(),
                    dataset.options().labelColumn(), dataset.options().imageSize(), null, null);
        }
        Path path = Path.of(dataset.data().source()).toAbsolutePath().normalize();
        String kind = null;
        String spec = null;
        Path manifest = path.resolve(DatasetFolder.MANIFEST);
        if (Files.isDirectory(path) && Files.isRegularFile(manifest)) {
            try {
                JsonNode tree = Json.mapper().readTree(manifest.toFile());
                if (tree.has("spec") && tree.path("content_sha256").asText().equals(dataset.data().contentSha256())) {
                    kind = tree.path("kind").asText();
                    spec = Json.mapper().writeValueAsString(tree.get("spec"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + manifest + ": " + e.getMessage(), e);
            }
        }
        return new DatasetSource(path.toString(), dataset.data().contentSha256(), dataset.ratio(),
                dataset.options().labelColumn(), dataset.options().imageSize(), kind, spec);
    }

    /** @return the load options the driver used */
    LoadOptions options() {
        return new LoadOptions(labelColumn, imageSize);
    }

    /** @return whether {@link #path} is a URI that executors fetch through Hadoop's FileSystem ({@link HadoopDatasets}) */
    boolean remote() {
        return RemoteDatasetReader.isUri(path);
    }

    /** @return whether an executor can generate the dataset when it does not see it at {@link #path} */
    boolean generated() {
        return generatorSpec != null;
    }

    /** @return one line for the driver's output: where executors will get the dataset */
    String describe(boolean local) {
        String id = "dataset " + path + " (content_sha256 " + contentSha256.substring(0, 12) + "...)";
        if (remote()) {
            return id + ": fetched through Hadoop's FileSystem once per host into its cache (on the driver "
                    + ExecutorDatasets.cache().resolve(contentSha256) + ") and checked against content_sha256"
                    + (local ? "; the executors run in this process and use the driver's copy" : "");
        }
        if (local) {
            return id + ": read by path (executors run in this process)";
        }
        return id + (generated()
                ? ": read by path where an executor sees this content there, otherwise generated on the executor"
                        + " from the manifest's " + generatorKind + " spec and checked against content_sha256"
                : ": read by path; every executor must see it at this path (shared storage), it was not"
                        + " generated by batchscope so it cannot be regenerated");
    }
}
