/**
 * The image generator: dogs whose eye colour is the class, on structured backgrounds whose strength
 * against the eyes is the noise-to-feature ratio r ({@link org.batchscope.generator.image.RatioCalibrator}).
 * {@link org.batchscope.generator.spec.ImageSpec} says what to make,
 * {@link org.batchscope.generator.image.SampleFactory} draws each sample from its own random streams,
 * {@link org.batchscope.generator.image.ImageDatasetWriter} writes the ImageFolder layout, metadata,
 * counterfactual test sets, masks, preview and manifest in parallel and deterministically.
 */
package org.batchscope.generator.image;
