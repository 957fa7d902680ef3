package org.batchscope.analyzer.engine.lean;

/**
 * The inner loops of the lean engine that run on the Java Vector API: those of {@link DirectConv3x3}
 * ({@link #addTaps}, {@link #tapDots}) and of {@link BlasDenseLayer}'s batch-1 passes
 * ({@link #accumulateRow}, {@link #dot}, {@link #scale}). The convolution's loops work on zero-padded planes whose rows
 * lie {@code stride} floats apart (an image row of width w plus its two padding columns:
 * {@code stride = w + 2}); tap t = 3 dr + dc (dr, dc in 0..2) of position q reads
 * {@code x[xFrom + q + dr * stride + dc]}.
 *
 * <p>Every loop has one fixed summation order, which every implementation follows bit for bit: a
 * {@link Math#fma} chain per output for {@link #addTaps} and {@link #accumulateRow}, and eight interleaved
 * fused partial sums (index mod 8) added pairwise for {@link #tapDots} and {@link #dot}. {@link #INSTANCE} is the Java Vector API implementation
 * ({@code VectorApiLoops}, 8-lane 256-bit vectors) when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher and the test configuration do so), else
 * the scalar one ({@link ScalarLoops}, same bits, several times slower); so that flag changes the
 * speed of a run, never its results. C2 does not auto-vectorise these loops: on JDK 17 its superword
 * pass gives up on several reads of one array at different offsets, and measured 0.23-0.36 ns per
 * output and tap against 0.038 for the Vector API (one 4,222-position plane in L1, 9 taps).
 */
interface VectorLoops {

    /** The implementation this JVM runs: the Vector API one when its incubator module is present. */
    VectorLoops INSTANCE = select();

    /**
     * For q in {@code [0, n)}: {@code acc[accFrom + q] = fma(w8, x8, ... fma(w0, x0, acc[accFrom + q]))}
     * with {@code w_t = w[wFrom + t]} and {@code x_t} tap t of position q.
     */
    void addTaps(float[] acc, int accFrom, int n, float[] x, int xFrom, int stride, float[] w, int wFrom);

    /**
     * For each tap t: {@code sums[t] = sum_{q < n} dy[dyFrom + q] * x_t(q)}, as eight fused partial sums
     * over q = l, l + 8, ... (l = 0..7, q below the largest multiple of 8 not above n), added as
     * {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}, then the remaining q in order, each fused.
     */
    void tapDots(float[] dy, int dyFrom, int n, float[] x, int xFrom, int stride, float[] sums);

    /**
     * One row of a matrix product, {@code y += x M}: for each o in {@code [0, cols)},
     * {@code y[yFrom + o] = fma(x_{rows-1}, M[rows-1][o], ... fma(x_0, M[0][o], y[yFrom + o]))} with
     * {@code x_i = x[xFrom + i]} and {@code M[i][o] = m[mFrom + i * cols + o]}, i ascending.
     */
    void accumulateRow(float[] x, int xFrom, int rows, float[] m, int mFrom, int cols, float[] y, int yFrom);

    /**
     * {@code sum_{j < n} a[aFrom + j] b[bFrom + j]} as eight fused partial sums over j = l, l + 8, ...
     * (below the largest multiple of 8 not above n), added as
     * {@code ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))}, then the remaining j in order, each fused.
     */
    float dot(float[] a, int aFrom, float[] b, int bFrom, int n);

    /** {@code dst[dstFrom + j] = a * src[srcFrom + j]} for j in {@code [0, n)} (one rounding each). */
    void scale(float a, float[] src, int srcFrom, float[] dst, int dstFrom, int n);

    private static VectorLoops select() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarLoops();
        }
        try {
            // by name, so that this interface links without the incubator module
            return (VectorLoops) Class.forName("org.batchscope.analyzer.engine.lean.VectorApiLoops")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Vector API kernels of the lean engine did not load", e);
        }
    }
}
