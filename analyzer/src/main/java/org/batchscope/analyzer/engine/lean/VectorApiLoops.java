package org.batchscope.analyzer.engine.lean;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorLoops} with the Java Vector API (incubator module {@code jdk.incubator.vector}), in 8-lane
 * (256-bit) vectors whatever the machine's widest, so that the lane order of {@link #tapDots}, and with it
 * the bits, are those of {@link ScalarLoops} everywhere. The nine weights of {@link #addTaps} stay in
 * registers; each position vector costs nine unaligned loads, nine FMAs, one load and one store of the
 * accumulator (measured 0.038 ns per output and tap, about 52 GFLOP/s, on one plane in L1).
 */
final class VectorApiLoops implements VectorLoops {

    // stateless: one instance serves every thread

    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_256;

    @Override
    public void addTaps(float[] acc, int accFrom, int n, float[] x, int xFrom, int stride, float[] w, int wFrom) {
        FloatVector w0 = FloatVector.broadcast(LANES, w[wFrom]);
        FloatVector w1 = FloatVector.broadcast(LANES, w[wFrom + 1]);
        FloatVector w2 = FloatVector.broadcast(LANES, w[wFrom + 2]);
        FloatVector w3 = FloatVector.broadcast(LANES, w[wFrom + 3]);
        FloatVector w4 = FloatVector.broadcast(LANES, w[wFrom + 4]);
        FloatVector w5 = FloatVector.broadcast(LANES, w[wFrom + 5]);
        FloatVector w6 = FloatVector.broadcast(LANES, w[wFrom + 6]);
        FloatVector w7 = FloatVector.broadcast(LANES, w[wFrom + 7]);
        FloatVector w8 = FloatVector.broadcast(LANES, w[wFrom + 8]);
        int r1 = xFrom + stride;
        int r2 = xFrom + 2 * stride;
        int q = 0;
        for (int end = n & ~7; q < end; q += 8) {
            FloatVector s = FloatVector.fromArray(LANES, acc, accFrom + q);
            s = w0.fma(FloatVector.fromArray(LANES, x, xFrom + q), s);
            s = w1.fma(FloatVector.fromArray(LANES, x, xFrom + q + 1), s);
            s = w2.fma(FloatVector.fromArray(LANES, x, xFrom + q + 2), s);
            s = w3.fma(FloatVector.fromArray(LANES, x, r1 + q), s);
            s = w4.fma(FloatVector.fromArray(LANES, x, r1 + q + 1), s);
            s = w5.fma(FloatVector.fromArray(LANES, x, r1 + q + 2), s);
            s = w6.fma(FloatVector.fromArray(LANES, x, r2 + q), s);
            s = w7.fma(FloatVector.fromArray(LANES, x, r2 + q + 1), s);
            s = w8.fma(FloatVector.fromArray(LANES, x, r2 + q + 2), s);
            s.intoArray(acc, accFrom + q);
        }
        for (; q < n; q++) {
            float s = acc[accFrom + q];
            for (int t = 0; t < 9; t++) {
                s = Math.fma(w[wFrom + t], x[xFrom + q + t / 3 * stride + t % 3], s);
            }
            acc[accFrom + q] = s;
        }
    }

    @Override
    public void tapDots(float[] dy, int dyFrom, int n, float[] x, int xFrom, int stride, float[] sums) {
        FloatVector s0 = FloatVector.zero(LANES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        FloatVector s8 = s0;
        int r1 = xFrom + stride;
        int r2 = xFrom + 2 * stride;
        int end = n & ~7;
        for (int q = 0; q < end; q += 8) {
            FloatVector d = FloatVector.fromArray(LANES, dy, dyFrom + q);
            s0 = d.fma(FloatVector.fromArray(LANES, x, xFrom + q), s0);
            s1 = d.fma(FloatVector.fromArray(LANES, x, xFrom + q + 1), s1);
            s2 = d.fma(FloatVector.fromArray(LANES, x, xFrom + q + 2), s2);
            s3 = d.fma(FloatVector.fromArray(LANES, x, r1 + q), s3);
            s4 = d.fma(FloatVector.fromArray(LANES, x, r1 + q + 1), s4);
            s5 = d.fma(FloatVector.fromArray(LANES, x, r1 + q + 2), s5);
            s6 = d.fma(FloatVector.fromArray(LANES, x, r2 + q), s6);
            s7 = d.fma(FloatVector.fromArray(LANES, x, r2 + q + 1), s7);
            s8 = d.fma(FloatVector.fromArray(LANES, x, r2 + q + 2), s8);
        }
        sums[0] = finish(s0, dy, dyFrom, end, n, x, xFrom);
        sums[1] = finish(s1, dy, dyFrom, end, n, x, xFrom + 1);
        sums[2] = finish(s2, dy, dyFrom, end, n, x, xFrom + 2);
        sums[3] = finish(s3, dy, dyFrom, end, n, x, r1);
        sums[4] = finish(s4, dy, dyFrom, end, n, x, r1 + 1);
        sums[5] = finish(s5, dy, dyFrom, end, n, x, r1 + 2);
        sums[6] = finish(s6, dy, dyFrom, end, n, x, r2);
        sums[7] = finish(s7, dy, dyFrom, end, n, x, r2 + 1);
        sums[8] = finish(s8, dy, dyFrom, end, n, x, r2 + 2);
    }

    /** The lanes added pairwise, then the positions {@code [end, n)} of the tap that starts at {@code from}. */
    private static float finish(FloatVector partial, float[] dy, int dyFrom, int end, int n, float[] x, int from) {
        float sum = ((partial.lane(0) + partial.lane(1)) + (partial.lane(2) + partial.lane(3)))
                + ((partial.lane(4) + partial.lane(5)) + (partial.lane(6) + partial.lane(7)));
        for (int q = end; q < n; q++) {
            sum = Math.fma(dy[dyFrom + q], x[from + q], sum);
        }
        return sum;
    }

    /**
     * Sixty-four outputs at a time in eight vector registers over all rows (one pass over M, eight
     * independent FMA chains), then eight at a time, then one at a time.
     */
    @Override
    public void accumulateRow(float[] x, int xFrom, int rows, float[] m, int mFrom, int cols, float[] y, int yFrom) {
        int o = 0;
        for (; o + 64 <= cols; o += 64) {
            int d = yFrom + o;
            FloatVector y0 = FloatVector.fromArray(LANES, y, d);
            FloatVector y1 = FloatVector.fromArray(LANES, y, d + 8);
            FloatVector y2 = FloatVector.fromArray(LANES, y, d + 16);
            FloatVector y3 = FloatVector.fromArray(LANES, y, d + 24);
            FloatVector y4 = FloatVector.fromArray(LANES, y, d + 32);
            FloatVector y5 = FloatVector.fromArray(LANES, y, d + 40);
            FloatVector y6 = FloatVector.fromArray(LANES, y, d + 48);
            FloatVector y7 = FloatVector.fromArray(LANES, y, d + 56);
            for (int i = 0; i < rows; i++) {
                FloatVector a = FloatVector.broadcast(LANES, x[xFrom + i]);
                int r = mFrom + i * cols + o;
                y0 = a.fma(FloatVector.fromArray(LANES, m, r), y0);
                y1 = a.fma(FloatVector.fromArray(LANES, m, r + 8), y1);
                y2 = a.fma(FloatVector.fromArray(LANES, m, r + 16), y2);
                y3 = a.fma(FloatVector.fromArray(LANES, m, r + 24), y3);
                y4 = a.fma(FloatVector.fromArray(LANES, m, r + 32), y4);
                y5 = a.fma(FloatVector.fromArray(LANES, m, r + 40), y5);
                y6 = a.fma(FloatVector.fromArray(LANES, m, r + 48), y6);
                y7 = a.fma(FloatVector.fromArray(LANES, m, r + 56), y7);
            }
            y0.intoArray(y, d);
            y1.intoArray(y, d + 8);
            y2.intoArray(y, d + 16);
            y3.intoArray(y, d + 24);
            y4.intoArray(y, d + 32);
            y5.intoArray(y, d + 40);
            y6.intoArray(y, d + 48);
            y7.intoArray(y, d + 56);
        }
        for (; o + 8 <= cols; o += 8) {
            FloatVector s = FloatVector.fromArray(LANES, y, yFrom + o);
            for (int i = 0; i < rows; i++) {
                s = FloatVector.broadcast(LANES, x[xFrom + i]).fma(FloatVector.fromArray(LANES, m, mFrom + i * cols + o), s);
            }
            s.intoArray(y, yFrom + o);
        }
        for (; o < cols; o++) {
            float s = y[yFrom + o];
            for (int i = 0; i < rows; i++) {
                s = Math.fma(x[xFrom + i], m[mFrom + i * cols + o], s);
            }
            y[yFrom + o] = s;
        }
    }

    @Override
    public float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        FloatVector s = FloatVector.zero(LANES);
        int end = n & ~7;
        for (int j = 0; j < end; j += 8) {
            s = FloatVector.fromArray(LANES, a, aFrom + j).fma(FloatVector.fromArray(LANES, b, bFrom + j), s);
        }
        float sum = ((s.lane(0) + s.lane(1)) + (s.lane(2) + s.lane(3))) + ((s.lane(4) + s.lane(5)) + (s.lane(6) + s.lane(7)));
        for (int j = end; j < n; j++) {
            sum = Math.fma(a[aFrom + j], b[bFrom + j], sum);
        }
        return sum;
    }

    @Override
    public void scale(float a, float[] src, int srcFrom, float[] dst, int dstFrom, int n) {
        FloatVector factor = FloatVector.broadcast(LANES, a);
        int j = 0;
        for (int end = n & ~7; j < end; j += 8) {
            factor.mul(FloatVector.fromArray(LANES, src, srcFrom + j)).intoArray(dst, dstFrom + j);
        }
        for (; j < n; j++) {
            dst[dstFrom + j] = a * src[srcFrom + j];
        }
    }
}
