package org.batchscope.generator.image.background;

import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.generator.image.paint.Canvas;

/** One family of structured background noise. Implementations are stateless and thread-safe. */
public interface Background {

    /**
     * Paints every pixel of {@code canvas} with a fresh instance of this family.
     *
     * @param rng the only source of randomness; the same draws give the same picture
     */
    void paint(Canvas canvas, UniformRandomProvider rng);
}
