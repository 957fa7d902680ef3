package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API loops give the scalar loops' bits (the scalar ones run where the JVM lacks the incubator
 * module, so that the module changes a run's speed and never its results), on lengths that run every path:
 * the 64-output register block, the 8-output vectors and the scalar tails of {@link VectorLoops#accumulateRow}
 * (75 = 64 + 8 + 3 outputs), and the vector loops and tails of {@link VectorLoops#dot},
 * {@link VectorLoops#scale} and {@link VectorLoops#tapDots}. And the scalar loops against plain double-precision sums, so that the
 * comparison is not between two equally wrong loops: within 1e-5 (sums of at most 300 terms below 0.25
 * in magnitude; float rounding of either order is of order 1e-6).
 */
class VectorLoopsTest {

    private final VectorLoops vector = new VectorApiLoops();
    private final VectorLoops scalar = new ScalarLoops();
    private final Random random = new Random(9);

    @Test
    void vectorLoopsGiveTheScalarBits() {
        assertThat(VectorLoops.INSTANCE).as("the tests run with the Vector API module").isInstanceOf(VectorApiLoops.class);
        int rows = 37;
        int cols = 75;
        float[] x = randoms(rows + 2);
        float[] m = randoms(rows * cols + 5);
        float[] yVector = randoms(cols + 4);
        float[] yScalar = yVector.clone();
        float[] yStart = yVector.clone();
        vector.accumulateRow(x, 2, rows, m, 5, cols, yVector, 4);
        scalar.accumulateRow(x, 2, rows, m, 5, cols, yScalar, 4);
        assertThat(yVector).containsExactly(yScalar);
        for (int o = 0; o < cols; o++) {
            double expected = yStart[4 + o];
            for (int i = 0; i < rows; i++) {
                expected += (double) x[2 + i] * m[5 + i * cols + o];
            }
            assertThat((double) yScalar[4 + o]).as("output %d", o).isCloseTo(expected, within(1e-5));
        }

        float[] a = randoms(300);
        float[] b = randoms(300);
        for (int n : new int[] {0, 5, 8, 64, 293}) {
            float d = vector.dot(a, 3, b, 1, n);
            assertThat(Float.floatToRawIntBits(d)).as("dot of %d", n).isEqualTo(Float.floatToRawIntBits(scalar.dot(a, 3, b, 1, n)));
            double expected = 0;
            for (int j = 0; j < n; j++) {
                expected += (double) a[3 + j] * b[1 + j];
            }
            assertThat((double) d).as("dot of %d", n).isCloseTo(expected, within(1e-5));
        }

        float[] scaledVector = new float[75];
        float[] scaledScalar = new float[75];
        vector.scale(0.3f, m, 5, scaledVector, 0, 75);
        scalar.scale(0.3f, m, 5, scaledScalar, 0, 75);
        assertThat(scaledVector).containsExactly(scaledScalar);
        for (int j = 0; j < 75; j++) {
            assertThat(scaledScalar[j]).isEqualTo(0.3f * m[5 + j]);
        }

        int stride = 13;
        float[] plane = randoms(12 * stride);
        float[] dy = randoms(10 * stride);
        float[] sumsVector = new float[9];
        float[] sumsScalar = new float[9];
        vector.tapDots(dy, 1, 9 * stride - 2, plane, 0, stride, sumsVector);
        scalar.tapDots(dy, 1, 9 * stride - 2, plane, 0, stride, sumsScalar);
        assertThat(sumsVector).containsExactly(sumsScalar);
        float[] accVector = randoms(9 * stride);
        float[] accScalar = accVector.clone();
        float[] w = randoms(11);
        vector.addTaps(accVector, 0, 9 * stride - 2, plane, 0, stride, w, 2);
        scalar.addTaps(accScalar, 0, 9 * stride - 2, plane, 0, stride, w, 2);
        assertThat(accVector).containsExactly(accScalar);
    }

    private float[] randoms(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextFloat() - 0.5f;
        }
        return a;
    }
}
