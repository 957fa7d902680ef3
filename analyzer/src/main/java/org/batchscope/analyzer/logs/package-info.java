/**
 * Readers for the training logs users already have: Keras CSVLogger, Lightning metrics.csv,
 * TensorBoard scalar exports, W&amp;B exports and any CSV with chosen columns
 * ({@link org.batchscope.analyzer.logs.LogReader}). Each file becomes one or more
 * {@link org.batchscope.analyzer.logs.TrainingLog}s of {@link org.batchscope.analyzer.logs.Curve}s whose
 * kind (validation or training, accuracy or loss) is guessed from the column name. Blank cells are
 * missing values, never zeros; malformed files are {@link org.batchscope.common.BadInputException}s
 * that name the file, line and column.
 */
package org.batchscope.analyzer.logs;
