/**
 * {@code batchscope diagnose}: the oscillation metrics of training logs users already have
 * ({@link org.batchscope.reports.diagnose.Diagnosis}, computed with the analyzer's metrics library),
 * their tables and plain-words reading ({@link org.batchscope.reports.diagnose.DiagnosisText}),
 * charts 1, 2 and 6 ({@link org.batchscope.reports.diagnose.DiagnosisFigures}) and the files written
 * to the output folder ({@link org.batchscope.reports.diagnose.DiagnosisReport}).
 */
package org.batchscope.reports.diagnose;
