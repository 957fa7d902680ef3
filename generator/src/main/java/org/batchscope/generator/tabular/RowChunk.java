package org.batchscope.generator.tabular;

import org.batchscope.generator.SummaryStats;

/**
 * A run of consecutive rows of one split, as written: {@code x} holds {@code rows * d} float32 values row
 * by row, {@code y} the written labels; {@code latentMoments} the per-latent-column statistics (for the
 * achieved r), {@code labelCounts} the written labels per class and {@code flipped} the number of
 * flipped labels.
 */
record RowChunk(Split split, long start, int rows, float[] x, int[] y, SummaryStats[] latentMoments,
        long[] labelCounts, long flipped) {

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
        SummaryStats[] moments = new SummaryStats[latentWidth];
        for (int j = 0; j < latentWidth; j++) {
            moments[j] = new SummaryStats();
        }
        long[] labelCounts = new long[model.spec().nClasses()];
        long flipped = 0;
        double[] latent = new double[latentWidth];
        double[] scratch = new double[latentWidth];
        for (int r = 0; r < rows; r++) {
            y[r] = model.row(split, start + r, flags[r], rho, latent);
            labelCounts[y[r]]++;
            flipped += flags[r] ? 1 : 0;
            for (int j = 0; j < latentWidth; j++) {
                moments[j].accept(latent[j]);
            }
            model.mapping().apply(latent, scratch, x, r * latentWidth);
        }
        return new RowChunk(split, start, rows, x, y, moments, labelCounts, flipped);
    }
}
