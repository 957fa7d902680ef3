package org.batchscope.generator.tabular;

import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.RandomStreams;

/**
 * Exact label noise that keeps row i independent of the split's size. Rows are grouped in blocks of
 * {@link #BLOCK} consecutive rows; block b flips exactly
 * {@code c_b = round(f * BLOCK * (b + 1)) - round(f * BLOCK * b)} rows (round half up), at positions
 * drawn by a partial Fisher-Yates shuffle from the block's own stream {@code (seed, -2, split, b)}.
 * Hence the first {@code k * BLOCK} rows hold exactly {@code round(f * k * BLOCK)} flipped labels: a
 * split whose size is a multiple of 100 has exactly {@code round(f * n)} flips. A row flips when its
 * position is among its block's chosen ones, whatever the split's length, so row i never depends on n. In
 * a final partial block of L rows the count is the number of chosen positions below L (hypergeometric,
 * mean {@code c_b * L / BLOCK}, so within a few rows of {@code f * n}); the manifest records the count
 * actually flipped per split.
 *
 * <p>scikit-learn's {@code flip_y} instead re-draws a random {@code flip_y} share of labels uniformly
 * over all classes, so about {@code flip_y / n_classes} of them keep their class and fewer change than
 * asked. Here a flipped label always changes, to one of the other classes chosen uniformly.
 */
final class LabelFlips {

    /** Rows per block of exact flip counts. */
    static final int BLOCK = 100;

    private static final long STREAM_TAG = -2;

    private final long seed;
    private final double fraction;

    LabelFlips(long seed, double fraction) {
        this.seed = seed;
        this.fraction = fraction;
    }

    /**
     * @param start first row, a multiple of {@link #BLOCK}
     * @return for each of the {@code rows} rows from {@code start}: whether its label is flipped
     */
    boolean[] flags(Split split, long start, int rows) {
        if (start % BLOCK != 0) {
            throw new IllegalArgumentException("start must be a multiple of " + BLOCK + ": " + start);
        }
        boolean[] flags = new boolean[rows];
        if (fraction == 0) {
            return flags;
        }
        int[] positions = new int[BLOCK];
        for (int offset = 0; offset < rows; offset += BLOCK) {
            long block = (start + offset) / BLOCK;
            int count = (int) (Math.round(fraction * BLOCK * (block + 1)) - Math.round(fraction * BLOCK * block));
            UniformRandomProvider rng = RandomStreams.stream(seed, STREAM_TAG, split.ordinal(), block);
            for (int p = 0; p < BLOCK; p++) {
                positions[p] = p;
            }
            for (int k = 0; k < count; k++) {
                int pick = k + rng.nextInt(BLOCK - k);
                int chosen = positions[pick];
                positions[pick] = positions[k];
                positions[k] = chosen;
                if (offset + chosen < rows) {
                    flags[offset + chosen] = true;
                }
            }
        }
        return flags;
    }
}
