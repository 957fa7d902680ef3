package org.batchscope.generator.tabular;

import java.io.Serializable;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * A run of consecutive rows of one split, as written: {@code x} holds {@code rows * d} float32 values row
 * by row, {@code y} the written labels; {@code latent} the latent values row by row (their per-column
 * spreads give the achieved r: {@link #latentSpreads}), {@code labelCounts} the written labels per
 * class and {@code flipped} the number of flipped labels. Serializable, so that a chunk made on another
 * machine comes back whole.
 */
record RowChunk(Split split, long start, int rows, float[] x, int[] y, double[] latent,
        long[] labelCounts, long flipped) implements Serializable {

    /**
     * @return per latent column, the sample standard deviation of the chunk's values: Commons Statistics'
     *         {@link StandardDeviation#of}, a two-pass algorithm (the mean, then the sum of squared
     *         deviations from it, each with a compensated sum) on a copy of the column; the split's spread is
     *         the chunks' spreads combined in chunk order ({@link StandardDeviation#combine}, Chan et al.'s
     *         pairwise update), so it does not depend on the thread count. Measured against the rolling
     *         update ({@code accept} per value, one division each) on 4,096 x 20 Gaussian values: 2.2 against
     *         11.5-12.7 ns a value; the rolling update was most of the main thread's CPU in a table run (JFR), and
     *         the main thread took 1.27 of the 3.17 CPU seconds of 2,000,000 x 20. The two differ in the last bits of a spread (the
     *         two-pass sum is the more accurate).
     */
    StandardDeviation[] latentSpreads() {
        int width = rows == 0 ? 0 : latent.length / rows;
        StandardDeviation[] spreads = new StandardDeviation[width];
        double[] column = new double[rows];
        for (int j = 0; j < width; j++) {
            for (int r = 0; r < rows; r++) {
                column[r] = latent[r * width + j];
            }
            spreads[j] = StandardDeviation.of(column);
        }
        return spreads;
    }

    /**
     * Computes the rows {@code [start, start + rows)} of {@code split}; {@code start} must be a multiple
     * of {@link LabelFlips#BLOCK}.
     */
    static RowChunk generate(TabularModel model, LabelFlips flips, Split split, long start, int rows) {
        int latentWidth = model.layout().size();
        double rho = model.spec().rho(split);
        boolean[] flags = flips.flags(split, start, rows);
        float[] x = new float[rows * latentWidth];
        int[] y = new int[rows];
        double[] latents = new double[rows * latentWidth];
        long[] labelCounts = new long[model.spec().nClasses()];
        long flipped = 0;
        double[] latent = new double[latentWidth];
        double[] scratch = new double[latentWidth];
        for (int r = 0; r < rows; r++) {
            y[r] = model.row(split, start + r, flags[r], rho, latent);
            labelCounts[y[r]]++;
            flipped += flags[r] ? 1 : 0;
            System.arraycopy(latent, 0, latents, r * latentWidth, latentWidth);
            model.mapping().apply(latent, scratch, x, r * latentWidth);
        }
        return new RowChunk(split, start, rows, x, y, latents, labelCounts, flipped);
    }
}
