/**
 * {@code batchscope diagnose}, the rendering: charts 1, 2 and 6
 * ({@link org.batchscope.reports.diagnose.DiagnosisFigures}) and the files written to the output folder
 * ({@link org.batchscope.reports.diagnose.DiagnosisReport}) for a diagnosis computed by the analyzer.
 */
package org.batchscope.reports.diagnose;
