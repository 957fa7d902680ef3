package org.batchscope.generator.ranges;

import java.io.Serializable;

/**
 * Makes the samples [start, end) of one split and returns what the driver needs of them. Serializable,
 * so that a {@link RangeRunner} may run it on another machine; it then writes only to shared storage
 * and returns everything else.
 *
 * @param <R> the result of one range
 */
@FunctionalInterface
public interface RangeTask<R extends Serializable> extends Serializable {

    /** @return the result of samples [start, end) */
    R apply(long start, long end);
}
