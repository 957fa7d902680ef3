/**
 * The tabular generator behind {@code batchscope generate tabular}: a make_classification-like informative
 * part ({@link org.batchscope.generator.tabular.InformativeFeatures}), structured-noise blocks scaled so
 * that the noise-to-feature variance ratio r is exact in expectation
 * ({@link org.batchscope.generator.tabular.TabularModel}), an optional label shortcut (rho), exact label
 * flips ({@link org.batchscope.generator.tabular.LabelFlips}), and streamed, thread-count-independent
 * CSV and NPY writing ({@link org.batchscope.generator.tabular.TabularGenerator}).
 */
package org.batchscope.generator.tabular;
