package org.batchscope.analyzer.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.RandomStreams;

/**
 * The minibatch order shared by all engines. Epoch e visits the training samples in the order of a
 * Fisher-Yates permutation drawn from {@code RandomStreams.stream(seed, SHUFFLE_STREAM, e)}; its
 * consecutive slices of {@code batchSize} (the last one possibly shorter) are the minibatches.
 */
public final class BatchPlan {

    /** Stream id for shuffling; {@link ParameterInitializer} uses another. */
    static final long SHUFFLE_STREAM = 2;

    private BatchPlan() {
    }

    /** @return ceil(n / batchSize) */
    public static long stepsPerEpoch(int n, int batchSize) {
        return (n + (long) batchSize - 1) / batchSize;
    }

    /**
     * Fills {@code order} (length n) with epoch {@code epoch}'s permutation of 0..n-1 without allocating.
     */
    public static void epochOrder(long seed, long epoch, int[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        UniformRandomProvider rng = RandomStreams.stream(seed, SHUFFLE_STREAM, epoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** @return a new array holding epoch {@code epoch}'s permutation of 0..n-1 */
    public static int[] epochOrder(long seed, long epoch, int n) {
        int[] order = new int[n];
        epochOrder(seed, epoch, order);
        return order;
    }
}
