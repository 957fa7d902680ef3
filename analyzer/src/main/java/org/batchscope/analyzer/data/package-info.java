/**
 * Loading what {@code --data} points at into engine {@link org.batchscope.analyzer.engine.TensorData}:
 * generated datasets through their manifest, ImageFolders of PNG/JPEG (CHW floats in [0, 1], optional
 * resize), CSV tables with a label column, and NPY pairs ({@link org.batchscope.analyzer.data.NpyReader}).
 * {@link org.batchscope.analyzer.data.DatasetLoader} is the entry point; it returns a
 * {@link org.batchscope.analyzer.data.LoadedDataset} with train, validation (carved by
 * {@link org.batchscope.analyzer.data.Holdout} when missing) and test splits, class names, chance level,
 * counterfactual image splits, column roles, and a generated dataset's shortcut sets
 * ({@link org.batchscope.analyzer.data.ShortcutSets}: the test samples grouped by whether their
 * background family or shortcut block agrees with their class). Every problem with the input is a one-line
 * {@link org.batchscope.common.BadInputException} naming the file, row and column. A URI of another store
 * ({@code hdfs://}, {@code s3a://}) is read by a {@link org.batchscope.analyzer.data.RemoteDatasetReader}
 * service, which the Spark build provides.
 */
package org.batchscope.analyzer.data;
