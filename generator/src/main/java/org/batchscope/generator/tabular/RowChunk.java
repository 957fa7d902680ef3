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
     * @return per latent column, the sample standard deviation of its values accepted in row order: Commons
     *         Statistics' rolling first moment and sum of squared deviations, the accumulator
     *         {@link org.batchscope.generator.SummaryStats} uses for its {@code std}, so the achieved r is
     *         the same number to the last bit. Through {@code SummaryStats} (minimum, maximum and a chain of
     *         consumers per value) this was 37% of the Java threads' samples of a million-row CSV run (JFR);
     *         now it is about 0.1 of the 2.5 CPU seconds of a 500,000-row run (perf).
     */
    StandardDeviation[] latentSpreads() {
        int width = rows == 0 ? 0 : latent.length / rows;
        StandardDeviation[] spreads = new StandardDeviation[width];
        for (int j = 0; j < width; j++) {
            spreads[j] = StandardDeviation.create();
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                spreads[j].accept(latent[r * width + j]);
            }
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
