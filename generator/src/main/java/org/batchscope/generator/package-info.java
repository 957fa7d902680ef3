/**
 * Dataset generators: the noise-to-feature ratio presets and statistics shared by the image
 * ({@code image}) and tabular ({@code tabular}) generators, which write through {@code output}.
 */
package org.batchscope.generator;
