/**
 * A floating-point RGB canvas with the few filled shapes the dog and the backgrounds are drawn from.
 * Shapes are hard-edged: a pixel belongs to a shape when its centre {@code (x + 0.5, y + 0.5)} does, so
 * masks are exact and rendering is deterministic.
 */
package org.batchscope.generator.image.paint;
