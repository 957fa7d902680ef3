package org.batchscope.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import org.batchscope.analyzer.data.RemoteDatasetReader;
import org.batchscope.analyzer.sweep.LocalRunExecutor;
import org.batchscope.common.BadInputException;

/**
 * Reads a path option that may be a URI: a plain path stays as it is; {@code file://} URIs become the
 * local path they name (with Spark, a path every host sees the same, such as a shared mount). Other
 * schemes ({@code hdfs://}, {@code s3a://}) are read only by {@code analyze --data} with
 * {@code --executor spark} in the Spark build, through a {@link RemoteDatasetReader} found by
 * {@link ServiceLoader} (the default build has none, and has no Hadoop); everywhere else they are refused
 * in one line, and the output folders ({@code --out}) are written through the local file system, so a store
 * must be mounted to be written.
 */
final class StorageUri {

    /** The parameter label of an option that takes a path or a URI (the sweep file resolves it like a path). */
    static final String PATH_OR_URI = "PATH|URI";

    private StorageUri() {
    }

    /**
     * @param given  the option's value, or null
     * @param option the option, for messages
     * @return the local path, or null for null
     * @throws BadInputException for a scheme other than file
     */
    static Path path(Path given, String option) {
        return given == null ? null : path(given.toString(), option);
    }

    /**
     * @param given    {@code --data}, a path or a URI
     * @param option   the option, for messages
     * @param executor {@code --executor}
     * @return the reader that fetches {@code given}, or null when it is a local path or a {@code file://} URI
     * @throws BadInputException for a URI this build cannot read with this executor
     */
    static RemoteDatasetReader remoteReader(String given, String option, String executor) {
        Matcher m = RemoteDatasetReader.URI_SCHEME.matcher(given);
        if (!m.matches() || m.group(1).equalsIgnoreCase("file")) {
            return null;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        RemoteDatasetReader reader = ServiceLoader.load(RemoteDatasetReader.class).findFirst().orElse(null);
        if (reader == null) {
            throw new BadInputException(option + ": " + scheme + ":// is read through Hadoop's FileSystem, which only"
                    + " the Spark build has: run spark/target/batchscope-spark.jar with --executor spark (README:"
                    + " Running on a Spark cluster), or mount the store and give its path");
        }
        if (executor.equals(LocalRunExecutor.NAME)) {
            throw new BadInputException(option + ": " + scheme + ":// is read with --executor spark only (the driver"
                    + " and every executor fetch it through Hadoop's FileSystem); for --executor local mount the"
                    + " store and give its path");
        }
        reader.check(uri(given, option), option);
        return reader;
    }

    /** @return {@code given} as a URI */
    static URI uri(String given, String option) {
        try {
            return new URI(given);
        } catch (URISyntaxException e) {
            throw new BadInputException(option + ": " + given + " is not a valid URI (" + e.getMessage() + ")");
        }
    }

    /**
     * @param given  the option's value, a path or a URI
     * @param option the option, for messages
     * @return the local path
     * @throws BadInputException for a scheme other than file
     */
    static Path path(String given, String option) {
        Matcher m = RemoteDatasetReader.URI_SCHEME.matcher(given);
        if (!m.matches()) {
            return Path.of(given);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("file")) {
            throw new BadInputException(option + ": " + scheme + ":// is not supported; batchscope writes through the"
                    + " file system, so mount the store (for example an NFS or FUSE mount) and give its path, or a"
                    + " file:// URI");
        }
        try {
            return Path.of(URI.create(given));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + given + " is not a file URI (" + e.getMessage() + ")");
        }
    }
}
