/**
 * Running a sweep on an Apache Spark cluster ({@code analyze --executor spark}).
 * {@link org.batchscope.spark.SparkRunExecutorProvider} registers the executor under the name
 * {@code spark}; {@link org.batchscope.spark.SparkRunExecutor} (on the driver) submits each planned run as
 * a Spark job of one task, {@link org.batchscope.spark.RunTask}, and writes the run file the task returns;
 * on the executor the task gets its dataset through {@link org.batchscope.spark.ExecutorDatasets} (read
 * by path; fetched from a Hadoop FileSystem URI into the host's cache; or generated from the manifest's spec;
 * each checked against the driver's {@code content_sha256}, as {@link org.batchscope.spark.DatasetSource}
 * describes), plans the sweep again and trains the run with the same engine code as the local executor.
 *
 * <p>Data on HDFS, S3 or any store with a Hadoop FileSystem ({@code analyze --data hdfs://...}):
 * {@link org.batchscope.spark.HadoopDatasetReader} registers Hadoop's FileSystem for the analyzer's
 * {@code RemoteDatasetReader} service, and {@link org.batchscope.spark.HadoopDatasets} copies a dataset
 * folder into the host's cache, verified, for the driver and for each executor host.
 *
 * <p>Generating on a cluster ({@code generate images|tabular --executor spark}):
 * {@link org.batchscope.spark.SparkRangeRunnerProvider} registers
 * {@link org.batchscope.spark.SparkRangeRunner}, which runs the generator's sample ranges as Spark tasks
 * and hands their results back to the driver in range order.
 */
package org.batchscope.spark;
