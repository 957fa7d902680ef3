package org.batchscope.spark;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop FileSystem for the scheme {@value #SCHEME} whose paths are this machine's local paths
 * ({@code testfs:///tmp/x} is {@code /tmp/x}), read by Hadoop's own {@link RawLocalFileSystem}: not Java's
 * file system, so code given a {@code testfs://} URI takes Hadoop's path ({@code FileSystem.get},
 * {@code listStatus}, {@code open}) exactly as it would for {@code hdfs://}. Registered for a test by the
 * Spark setting {@code spark.hadoop.fs.testfs.impl}, as a cluster registers a connector.
 */
public final class LocalPathsFileSystem extends RawLocalFileSystem {

    /** The URI scheme. */
    static final String SCHEME = "testfs";

    /** The Spark setting that registers this class for {@link #SCHEME}. */
    static final String SETTING = "spark.hadoop.fs." + SCHEME + ".impl";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** @return {@code path} (absolute) as a URI of this scheme */
    static String uri(java.nio.file.Path path) {
        return SCHEME + "://" + path.toAbsolutePath();
    }
}
