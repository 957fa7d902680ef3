/**
 * Running a sweep on an Apache Spark cluster ({@code analyze --executor spark}).
 * {@link org.batchscope.spark.SparkRunExecutorProvider} registers the executor under the name
 * {@code spark}; {@link org.batchscope.spark.SparkRunExecutor} (on the driver) submits each planned run as
 * a Spark job of one task, {@link org.batchscope.spark.RunTask}, and writes the run file the task returns;
 * on the executor the task gets its dataset through {@link org.batchscope.spark.ExecutorDatasets} (read
 * by path, or generated from the manifest's spec and checked against its {@code content_sha256}, as
 * {@link org.batchscope.spark.DatasetSource} describes), plans the sweep again and trains the run with
 * the same engine code as the local executor.
 *
 * <p>Generating on a cluster ({@code generate images|tabular --executor spark}):
 * {@link org.batchscope.spark.SparkRangeRunnerProvider} registers
 * {@link org.batchscope.spark.SparkRangeRunner}, which runs the generator's sample ranges as Spark tasks
 * and hands their results back to the driver in range order.
 */
package org.batchscope.spark;
