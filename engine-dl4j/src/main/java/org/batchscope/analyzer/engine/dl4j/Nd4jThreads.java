package org.batchscope.analyzer.engine.dl4j;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's process-wide threading, set once before the first dl4j run: one thread per op (libnd4j's
 * thread limits, its OpenMP pool and the OpenBLAS pool all at 1). The sweep already runs one run per
 * core; ND4J's pools on top of that oversubscribe the cores, and OpenMP threads that spin waiting for
 * a core make small ops very slow (measured on the 2-core machine under load: 55-65 ms per step of a
 * 64-64-2 MLP with the default two threads, 2-5 ms with one). A one-thread op also sums in a fixed
 * order, whatever else runs in the process. Call {@link #useOneThreadPerOp()} lazily (from a run), so
 * that merely listing the engines does not load ND4J's native libraries.
 */
final class Nd4jThreads {

    private static boolean applied;

    private Nd4jThreads() {
    }

    /** Applies the settings above on the first call; later calls do nothing. */
    static synchronized void useOneThreadPerOp() {
        if (!applied) {
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
            Nd4j.factory().blas().setMaxThreads(1);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
            applied = true;
        }
    }
}
