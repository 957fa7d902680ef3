/**
 * {@code batchscope diagnose}, the computation: the oscillation metrics of training logs users already
 * have ({@link org.batchscope.analyzer.diagnose.Diagnosis}, computed with the metrics library) and their
 * tables and plain-words reading ({@link org.batchscope.analyzer.diagnose.DiagnosisText}). The reports
 * module draws and writes them.
 */
package org.batchscope.analyzer.diagnose;
