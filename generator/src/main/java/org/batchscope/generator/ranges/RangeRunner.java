package org.batchscope.generator.ranges;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Runs the ranges [0, size), [size, 2 size), ... of {@code samples} samples and hands their results to
 * the caller in range order, whatever order they finish in; a failing range ends the call with its
 * exception. Closing releases the threads or the cluster connection.
 */
public interface RangeRunner extends AutoCloseable {

    /**
     * @param task      makes one range
     * @param samples   the samples of the split
     * @param rangeSize samples per range
     * @param inFlight  the most ranges whose results may wait in memory at once
     * @param inOrder   receives each range's result, in range order, on the calling thread
     */
    <R extends Serializable> void run(RangeTask<R> task, long samples, int rangeSize, int inFlight,
            Consumer<R> inOrder);

    @Override
    void close();
}
