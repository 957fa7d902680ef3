package org.batchscope.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.VersionInfo;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.batchscope.analyzer.data.DatasetLoader;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.common.OutputFolder;
import org.batchscope.generator.output.DatasetFolder;

/**
 * Copies a dataset folder from a store that Hadoop's FileSystem reads ({@code hdfs://}, {@code s3a://}, or
 * any scheme with a FileSystem on the class path) into this host's cache folder
 * {@code <cache>/<content_sha256>} ({@link ExecutorDatasets#cache()}), verified as {@link DatasetLoader}
 * verifies a local folder (a generated dataset's files against its manifest's SHA-256s; an ImageFolder's
 * content hash computed from its files), so that a host fetches a dataset once and every later task, on
 * the driver or an executor, loads the cached copy after the same verification. The copy is made into a
 * fresh temporary folder beside the cache entry, verified there, and published with one atomic rename, so
 * two JVMs fetching the same dataset on one host never see each other's half-written files: the first
 * rename wins and the other copy is deleted. The Hadoop settings are Spark's ({@code spark.hadoop.*}, plus
 * the {@code core-site.xml} on the class path or in {@code HADOOP_CONF_DIR}).
 */
final class HadoopDatasets {

    /**
     * A dataset in this host's cache.
     *
     * @param data      the loaded dataset, its source the URI
     * @param folder    the cache folder it was loaded from (or, when another JVM published the same content
     *                  first, that folder)
     * @param fetched   whether this call copied it (false: an earlier copy in the cache was used)
     * @param files     files copied (0 when not fetched)
     * @param bytes     bytes copied (0 when not fetched)
     */
    record Cached(LoadedDataset data, java.nio.file.Path folder, boolean fetched, int files, long bytes) {
    }

    private HadoopDatasets() {
    }

    /** @return the Hadoop settings of this JVM's Spark configuration (the executor's, or the driver's) */
    static Configuration configuration() {
        SparkEnv env = SparkEnv.get();
        return SparkHadoopUtil.get().newConfiguration(env != null ? env.conf() : new SparkConf());
    }

    /**
     * @param option the option that gave the URI, for messages
     * @throws BadInputException when no Hadoop FileSystem for the URI's scheme is on the class path
     */
    static void checkScheme(URI uri, String option, Configuration conf) {
        String scheme = uri.getScheme();
        try {
            FileSystem.getFileSystemClass(scheme, conf);
        } catch (IOException | RuntimeException e) {
            // no FileSystem for the scheme, or one configured (fs.<scheme>.impl) whose class is missing
            throw new BadInputException(option + ": Hadoop's FileSystem has no connector for " + scheme + ":// on the"
                    + " class path; add the store's connector to the driver's and the executors' class path (for"
                    + " s3a:// org.apache.hadoop:hadoop-aws:" + VersionInfo.getVersion() + " and its AWS SDK bundle)");
        }
    }

    /**
     * @param expectedSha the content the driver planned with (executors), or null (the driver: whatever the
     *                    URI holds, found in the cache when its manifest names a cached content)
     * @return the dataset, from this host's cache or fetched into it
     * @throws BadInputException when the URI names no folder or its copy fails verification
     * @throws IllegalStateException when the copy verifies but is not {@code expectedSha}'s content
     */
    static Cached obtain(URI uri, String expectedSha, LoadOptions options, Configuration conf) {
        Path root = new Path(uri);
        try {
            FileSystem fs = FileSystem.get(uri, conf);
            if (!fs.getFileStatus(root).isDirectory()) {
                throw new BadInputException("--data: " + uri + " is a file; a URI must name a dataset folder (a"
                        + " generated dataset or an ImageFolder)");
            }
            String sha = expectedSha != null ? expectedSha : manifestContentSha256(fs, root);
            java.nio.file.Path cache = ExecutorDatasets.cache();
            if (sha != null) {
                LoadedDataset cached = cachedCopy(cache.resolve(sha), sha, options);
                if (cached != null) {
                    return new Cached(cached.withSource(uri.toString()), cache.resolve(sha), false, 0, 0);
                }
            }
            Files.createDirectories(cache);
            java.nio.file.Path fresh = Files.createTempDirectory(cache, "fetch-");
            try {
                java.nio.file.Path target = fresh.resolve("dataset");
                long[] counts = new long[2];
                copy(fs, root, target, counts);
                LoadedDataset data = verified(target, uri, options);
                if (expectedSha != null && !data.contentSha256().equals(expectedSha)) {
                    throw new IllegalStateException(uri + " holds other data than the driver planned with"
                            + " (content_sha256 " + data.contentSha256() + ", the driver's " + expectedSha
                            + "); the dataset changed on its store during the sweep");
                }
                java.nio.file.Path folder = cache.resolve(data.contentSha256());
                try {
                    Files.move(target, folder, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException published) {
                    // another JVM on this host published the same content first (or a copy that no longer
                    // verifies is in the way): this verified copy was loaded and is no longer needed
                }
                return new Cached(data.withSource(uri.toString()), folder, true, (int) counts[0], counts[1]);
            } finally {
                OutputFolder.deleteTree(fresh);
            }
        } catch (FileNotFoundException e) {
            throw new BadInputException("--data: " + uri + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + uri + " through Hadoop's FileSystem: " + e.getMessage(), e);
        }
    }

    /** @return the manifest's content_sha256 of a generated dataset folder, or null (none, or unreadable) */
    private static String manifestContentSha256(FileSystem fs, Path root) throws IOException {
        Path manifest = new Path(root, DatasetFolder.MANIFEST);
        if (!fs.exists(manifest)) {
            return null;
        }
        try (InputStream in = fs.open(manifest)) {
            JsonNode sha = Json.mapper().readTree(in).path("content_sha256");
            return sha.isTextual() ? sha.asText() : null;
        } catch (IOException unreadable) {
            return null; // fetched in full, the loader then says what is wrong with it
        }
    }

    /** @return the cached copy at {@code folder} when it verifies and holds {@code sha}'s content, else null */
    private static LoadedDataset cachedCopy(java.nio.file.Path folder, String sha, LoadOptions options) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try {
            LoadedDataset data = DatasetLoader.load(folder, options, true);
            return data.contentSha256().equals(sha) ? data : null;
        } catch (BadInputException stale) {
            return null; // fetched again below
        }
    }

    /** @return the dataset at the fresh copy {@code target}, verified; a failure names the URI, not the copy */
    private static LoadedDataset verified(java.nio.file.Path target, URI uri, LoadOptions options) {
        try {
            return DatasetLoader.load(target, options, true);
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage().replace(target.toString(), uri.toString())
                    + " (checked in the copy fetched to this host)", e);
        }
    }

    /** Copies the folder {@code remote} to the new folder {@code local}; counts[0] += files, counts[1] += bytes. */
    private static void copy(FileSystem fs, Path remote, java.nio.file.Path local, long[] counts) throws IOException {
        Files.createDirectories(local);
        for (FileStatus child : fs.listStatus(remote)) {
            java.nio.file.Path to = local.resolve(child.getPath().getName());
            if (child.isDirectory()) {
                copy(fs, child.getPath(), to, counts);
            } else {
                try (InputStream in = fs.open(child.getPath())) {
                    counts[1] += Files.copy(in, to);
                    counts[0]++;
                }
            }
        }
    }
}
