package org.batchscope.analyzer.data;

import java.io.PrintWriter;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * A service (listed in {@code META-INF/services/org.batchscope.analyzer.data.RemoteDatasetReader}) that
 * reads {@code --data} given as a URI of a store other than the local file system ({@code hdfs://},
 * {@code s3a://}, ...): it copies the dataset to local storage, verifies it as {@link DatasetLoader} does and
 * loads it. The default build has none; the {@code batchscope-spark} module adds one for the schemes
 * Hadoop's FileSystem knows, used with {@code --executor spark}.
 */
public interface RemoteDatasetReader {

    /**
     * A location with a URI scheme of two or more characters followed by {@code :/} (a {@link java.nio.file.Path}
     * made of {@code file:///x} reads {@code file:/x}); group 1 is the scheme.
     */
    Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):/.*");

    /** @return whether {@code location} is a URI ({@link #URI_SCHEME}) rather than a local path */
    static boolean isUri(String location) {
        return URI_SCHEME.matcher(location).matches();
    }

    /**
     * Checks, before any work, that this reader can read {@code uri} (a connector for its scheme is on the
     * class path).
     *
     * @param option the option that gave the URI, for messages
     * @throws org.batchscope.common.BadInputException in one line naming the option and what is missing
     */
    void check(URI uri, String option);

    /**
     * Copies the dataset folder at {@code uri} (a generated dataset or an ImageFolder) to local
     * storage, or finds an earlier copy of the same content there, verifies it and loads it.
     *
     * @param err where the reader says what it fetched or found
     * @return the dataset, its {@link LoadedDataset#source()} the URI
     */
    LoadedDataset load(URI uri, LoadOptions options, PrintWriter err);
}
