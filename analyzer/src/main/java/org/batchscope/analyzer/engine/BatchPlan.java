package org.batchscope.analyzer.engine;

import org.apache.commons.rng.sampling.ArraySampler;
import org.batchscope.common.RandomStreams;

/**
 * The minibatch order shared by all engines. Epoch e visits the training samples in the order of a
 * Fisher-Yates permutation of 0..n-1 drawn from {@code RandomStreams.stream(seed, SHUFFLE_STREAM, e)} by
 * Commons RNG's {@link ArraySampler#shuffle(org.apache.commons.rng.UniformRandomProvider, int[])} (for
 * i = n-1 down to 1, swap i with {@code nextInt(i + 1)}); its consecutive slices of {@code batchSize} (the
 * last one possibly shorter) are the minibatches ({@link TrainingSchedule}).
 */
public final class BatchPlan {

    /** Stream id for shuffling; {@link ParameterInitializer} uses another. */
    static final long SHUFFLE_STREAM = 2;

    private BatchPlan() {
    }

    /**
     * Fills {@code order} (length n) with epoch {@code epoch}'s permutation of 0..n-1 without allocating.
     */
    public static void epochOrder(long seed, long epoch, int[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        ArraySampler.shuffle(RandomStreams.stream(seed, SHUFFLE_STREAM, epoch), order);
    }

    /** @return a new array holding epoch {@code epoch}'s permutation of 0..n-1 */
    public static int[] epochOrder(long seed, long epoch, int n) {
        int[] order = new int[n];
        epochOrder(seed, epoch, order);
        return order;
    }
}
