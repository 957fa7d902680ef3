package org.batchscope.spark;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * The driver's Spark context for one command, started on first use ({@link SparkContexts#start}) so that
 * a command with nothing to submit starts no Spark, and stopped at {@link #close}.
 */
final class LazySparkContext implements AutoCloseable {

    private final String master;
    private final String appName;
    private JavaSparkContext context;

    /**
     * @param master  the master URL
     * @param appName the application name Spark shows
     */
    LazySparkContext(String master, String appName) {
        this.master = master;
        this.appName = appName;
    }

    /** @return the context, started on the first call */
    JavaSparkContext get() {
        if (context == null) {
            context = SparkContexts.start(master, appName);
        }
        return context;
    }

    @Override
    public void close() {
        if (context != null) {
            context.stop();
            context = null;
        }
    }
}
