package org.batchscope.analyzer.engine.lean;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Single-precision matrix product {@code C = op(A) op(B) + beta C} (row-major, beta 0 or 1) through OpenBLAS's
 * {@code cblas_sgemm}, called directly through JavaCPP on off-heap buffers (under a microsecond of call
 * overhead). OpenBLAS is set to one thread when this class loads: the sweep runs one run per thread,
 * and a one-thread product is deterministic and independent of what runs beside it.
 */
final class Sgemm {

    static {
        openblas_nolapack.blas_set_num_threads(1);
    }

    private Sgemm() {
    }

    /**
     * @param transA use A^T (A stored {@code k x m}) instead of A ({@code m x k})
     * @param transB use B^T (B stored {@code n x k}) instead of B ({@code k x n})
     * @param c      receives the {@code m x n} product
     */
    static void multiply(boolean transA, boolean transB, int m, int n, int k, FloatPointer a, FloatPointer b,
            FloatPointer c) {
        multiply(transA, transB, m, n, k, a, 0, b, 0, 0f, c, 0);
    }

    /**
     * The product on contiguous matrices that start {@code aOffset}, {@code bOffset} and {@code cOffset}
     * floats into their buffers: {@code C = op(A) op(B) + beta C}. With {@code beta = 1} a sequence of calls
     * accumulates products in a fixed order (each call adds its product to C as OpenBLAS sums it), which
     * is how a weight gradient sums over chunks of a minibatch reproducibly. The buffers' positions are
     * back at 0 afterwards; nothing is allocated. A, B and C must be three different buffers.
     */
    static void multiply(boolean transA, boolean transB, int m, int n, int k, FloatPointer a, long aOffset,
            FloatPointer b, long bOffset, float beta, FloatPointer c, long cOffset) {
        multiply(transA, transB, m, n, k, a, aOffset, transA ? m : k, b, bOffset, transB ? k : n, beta, c, cOffset);
    }

    /**
     * The product on matrices whose rows lie {@code lda} and {@code ldb} floats apart in their buffers (a
     * block of columns of a wider matrix, such as one sample's columns in a chunk's column matrix); C is
     * contiguous. Otherwise as above.
     */
    static void multiply(boolean transA, boolean transB, int m, int n, int k, FloatPointer a, long aOffset, int lda,
            FloatPointer b, long bOffset, int ldb, float beta, FloatPointer c, long cOffset) {
        a.position(aOffset);
        b.position(bOffset);
        c.position(cOffset);
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, a, lda, b, ldb, beta, c, n);
        a.position(0);
        b.position(0);
        c.position(0);
    }
}
