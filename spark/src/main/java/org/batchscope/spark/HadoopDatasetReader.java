package org.batchscope.spark;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.data.RemoteDatasetReader;

/**
 * Registers Hadoop's FileSystem as the reader of {@code analyze --data URI} with {@code --executor spark}:
 * the driver fetches the dataset folder into its host's cache and verifies it ({@link HadoopDatasets}), and
 * the executors do the same on their hosts ({@link ExecutorDatasets}).
 */
public final class HadoopDatasetReader implements RemoteDatasetReader {

    @Override
    public void check(URI uri, String option) {
        HadoopDatasets.checkScheme(uri, option, HadoopDatasets.configuration());
    }

    @Override
    public LoadedDataset load(URI uri, LoadOptions options, PrintWriter err) {
        HadoopDatasets.Cached cached = HadoopDatasets.obtain(uri, null, options, HadoopDatasets.configuration());
        err.println("spark: dataset " + uri + (cached.fetched()
                ? String.format(Locale.ROOT, ": fetched %d files (%.1f MB) through Hadoop's FileSystem into %s, verified",
                        cached.files(), cached.bytes() / 1e6, cached.folder())
                : ": found in this host's cache " + cached.folder() + ", verified"));
        err.flush();
        return cached.data();
    }
}
