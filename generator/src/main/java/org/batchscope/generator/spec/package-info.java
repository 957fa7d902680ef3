/**
 * The dataset specs: {@link org.batchscope.generator.spec.DatasetSpec}, sealed over
 * {@link org.batchscope.generator.spec.ImageSpec} and {@link org.batchscope.generator.spec.TabularSpec},
 * with the {@code kind} key that tells them apart in files. The specs live together here (not in
 * {@code core}) because they validate against the generator's own vocabulary (eye colours, background
 * families, noise blocks), and a sealed interface on the class path must share its package with every
 * permitted record.
 */
package org.batchscope.generator.spec;
