package org.batchscope.analyzer.engine.lean;

/**
 * {@link TapKernels} in scalar Java, for JVMs started without the Vector API's incubator module: the
 * same fused operations in the same order as {@link VectorTapKernels}, so the same bits.
 */
final class ScalarTapKernels implements TapKernels {

    @Override
    public void addTaps(float[] acc, int accFrom, int n, float[] x, int xFrom, int stride, float[] w, int wFrom) {
        for (int q = 0; q < n; q++) {
            float s = acc[accFrom + q];
            for (int dr = 0; dr < 3; dr++) {
                int row = xFrom + q + dr * stride;
                for (int dc = 0; dc < 3; dc++) {
                    s = Math.fma(w[wFrom + 3 * dr + dc], x[row + dc], s);
                }
            }
            acc[accFrom + q] = s;
        }
    }

    @Override
    public void tapDots(float[] dy, int dyFrom, int n, float[] x, int xFrom, int stride, float[] sums) {
        int lanes = n & ~7;
        for (int t = 0; t < 9; t++) {
            int from = xFrom + t / 3 * stride + t % 3;
            float s0 = 0f;
            float s1 = 0f;
            float s2 = 0f;
            float s3 = 0f;
            float s4 = 0f;
            float s5 = 0f;
            float s6 = 0f;
            float s7 = 0f;
            for (int q = 0; q < lanes; q += 8) {
                int d = dyFrom + q;
                int i = from + q;
                s0 = Math.fma(dy[d], x[i], s0);
                s1 = Math.fma(dy[d + 1], x[i + 1], s1);
                s2 = Math.fma(dy[d + 2], x[i + 2], s2);
                s3 = Math.fma(dy[d + 3], x[i + 3], s3);
                s4 = Math.fma(dy[d + 4], x[i + 4], s4);
                s5 = Math.fma(dy[d + 5], x[i + 5], s5);
                s6 = Math.fma(dy[d + 6], x[i + 6], s6);
                s7 = Math.fma(dy[d + 7], x[i + 7], s7);
            }
            float sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
            for (int q = lanes; q < n; q++) {
                sum = Math.fma(dy[dyFrom + q], x[from + q], sum);
            }
            sums[t] = sum;
        }
    }
}
