/**
 * The families of structured background noise: a park scene, stripes, a checkerboard, fractal value
 * noise and a repeating wallpaper motif. Each family draws all of its parameters (colours, angles,
 * periods, positions) from the random stream it is given, at full contrast; the image generator then
 * scales the contrast to reach the requested noise-to-feature ratio.
 */
package org.batchscope.generator.image.background;
