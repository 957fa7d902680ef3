/**
 * Readers for the training logs users already have: Keras CSVLogger, Lightning metrics.csv,
 * TensorBoard scalar exports, W&amp;B exports, pandas history dumps and any CSV with chosen columns
 * ({@link org.batchscope.analyzer.logs.LogReader}). The layout is recognised by what the file holds:
 * encoding ({@link org.batchscope.analyzer.logs.LogEncoding}), field separator
 * ({@link org.batchscope.analyzer.logs.FieldSeparator}) and column names ignoring case. A file is read in
 * one streaming pass into numeric columns ({@link org.batchscope.analyzer.logs.LogTable}). Each file
 * becomes one or more {@link org.batchscope.analyzer.logs.TrainingLog}s of
 * {@link org.batchscope.analyzer.logs.Curve}s whose role (training, validation, test) and quantity
 * (accuracy, loss) are told from the column name's words ({@link org.batchscope.analyzer.logs.SeriesKind}).
 * Blank cells are missing values, never zeros; non-finite values are kept aside and reported
 * ({@link org.batchscope.analyzer.logs.NonFinite}); malformed files are
 * {@link org.batchscope.common.BadInputException}s that name the file, line and column.
 */
package org.batchscope.analyzer.logs;
