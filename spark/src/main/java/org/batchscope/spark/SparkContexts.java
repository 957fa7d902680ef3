package org.batchscope.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.batchscope.common.BadInputException;

/**
 * Starts the driver's Spark context. Settings come from Spark's usual places ({@code spark.*} system
 * properties, which spark-submit sets from its command line and {@code spark-defaults.conf}); batchscope
 * adds only the master (from {@code --master} when given) and, when the driver was not started by
 * spark-submit and the master is not local, {@code spark.jars} = the jar this class was loaded from, so
 * that the executors get batchscope's classes.
 */
final class SparkContexts {

    private static final String MASTER = "spark.master";

    private SparkContexts() {
    }

    /**
     * @param option {@code --master}, or null
     * @return the master URL to use
     * @throws BadInputException when neither {@code --master} nor spark-submit gave one
     */
    static String master(String option) {
        String master = option != null ? option : new SparkConf().get(MASTER, null);
        BadInputException.require(master != null && !master.isBlank(), "--master",
                "a Spark master URL (local[N], spark://host:port, yarn, k8s://...) or a run under spark-submit",
                "nothing");
        return master;
    }

    /** @return a new context for {@code master} */
    static JavaSparkContext start(String master, String appName) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName);
        if (!isLocal(master) && !conf.contains("spark.jars")) {
            conf.set("spark.jars", ownJar().toString());
        }
        return new JavaSparkContext(conf);
    }

    /** @return whether the master runs the executors inside the driver ({@code local}, {@code local[N]}, ...) */
    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(SparkContexts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location;
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the message below
        }
        throw new BadInputException("--master: a cluster needs batchscope's classes as one jar; run"
                + " spark/target/batchscope-spark.jar (with spark-submit, or set spark.jars)");
    }
}
