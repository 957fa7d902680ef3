package org.batchscope.analyzer.engine;

/**
 * The Hessian H of a {@link DifferentiableModel}'s loss at fixed parameters over fixed data, as a
 * symmetric linear operator on parameter-space vectors (p doubles, canonical layout). Holds buffers;
 * {@link #close()} frees them. One operator belongs to one thread.
 */
public interface HessianOperator extends AutoCloseable {

    /** @return p, the length of the vectors */
    int dimension();

    /** Writes {@code hv = H v}. */
    void multiply(double[] v, double[] hv);

    @Override
    void close();
}
