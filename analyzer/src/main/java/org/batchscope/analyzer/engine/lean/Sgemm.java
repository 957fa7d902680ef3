package org.batchscope.analyzer.engine.lean;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Single-precision matrix product {@code C = op(A) op(B)} (row-major, beta 0) through OpenBLAS's
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
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, a, transA ? m : k, b, transB ? k : n, 0f, c, n);
    }
}
