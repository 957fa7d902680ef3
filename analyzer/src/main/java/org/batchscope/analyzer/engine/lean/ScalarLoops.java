package org.batchscope.analyzer.engine.lean;

/**
 * {@link VectorLoops} in scalar Java, for JVMs started without the Vector API's incubator module: the
 * same fused operations in the same order as {@link VectorApiLoops}, so the same bits.
 */
final class ScalarLoops implements VectorLoops {

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
        for (int t = 0; t < 9; t++) {
            sums[t] = dot(dy, dyFrom, x, xFrom + t / 3 * stride + t % 3, n);
        }
    }

    @Override
    public void accumulateRow(float[] x, int xFrom, int rows, float[] m, int mFrom, int cols, float[] y, int yFrom) {
        // i outer: each y's chain still runs over i in ascending order
        for (int i = 0; i < rows; i++) {
            float a = x[xFrom + i];
            int row = mFrom + i * cols;
            for (int o = 0; o < cols; o++) {
                y[yFrom + o] = Math.fma(a, m[row + o], y[yFrom + o]);
            }
        }
    }

    @Override
    public float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        int lanes = n & ~7;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        for (int j = 0; j < lanes; j += 8) {
            int p = aFrom + j;
            int q = bFrom + j;
            s0 = Math.fma(a[p], b[q], s0);
            s1 = Math.fma(a[p + 1], b[q + 1], s1);
            s2 = Math.fma(a[p + 2], b[q + 2], s2);
            s3 = Math.fma(a[p + 3], b[q + 3], s3);
            s4 = Math.fma(a[p + 4], b[q + 4], s4);
            s5 = Math.fma(a[p + 5], b[q + 5], s5);
            s6 = Math.fma(a[p + 6], b[q + 6], s6);
            s7 = Math.fma(a[p + 7], b[q + 7], s7);
        }
        float sum = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (int j = lanes; j < n; j++) {
            sum = Math.fma(a[aFrom + j], b[bFrom + j], sum);
        }
        return sum;
    }

    @Override
    public void scale(float a, float[] src, int srcFrom, float[] dst, int dstFrom, int n) {
        for (int j = 0; j < n; j++) {
            dst[dstFrom + j] = a * src[srcFrom + j];
        }
    }
}
