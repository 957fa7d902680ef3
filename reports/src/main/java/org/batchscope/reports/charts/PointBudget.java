package org.batchscope.reports.charts;

import java.util.Arrays;

/**
 * Thins a long series for drawing without hiding its extremes: the points are cut into
 * {@code buckets} runs of consecutive points and each run keeps its first, lowest, highest and last
 * point, in order (min-max decimation). A chart of a million steps is then drawn from at most
 * 4 x buckets points and still shows every spike's height; the metrics are always computed on the
 * full series.
 */
public final class PointBudget {

    /** Buckets used by the charts: about two per horizontal pixel of a panel. */
    public static final int BUCKETS = 1000;

    private PointBudget() {
    }

    /** @return the indices of the points to draw, ascending; all of them when there are at most 4 x buckets */
    public static int[] indices(double[] y, int buckets) {
        int n = y.length;
        if (n <= 4 * buckets) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] kept = new int[4 * buckets];
        int count = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int min = from;
            int max = from;
            for (int i = from; i < to; i++) {
                if (y[i] < y[min]) {
                    min = i;
                }
                if (y[i] > y[max]) {
                    max = i;
                }
            }
            int[] chosen = {from, Math.min(min, max), Math.max(min, max), to - 1};
            for (int i : chosen) {
                if (count == 0 || kept[count - 1] < i) {
                    kept[count++] = i;
                }
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** @return {@code values} at {@code indices} */
    public static double[] pick(double[] values, int[] indices) {
        double[] picked = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }
}
