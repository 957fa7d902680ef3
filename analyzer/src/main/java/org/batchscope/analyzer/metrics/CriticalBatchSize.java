package org.batchscope.analyzer.metrics;

import java.util.LinkedHashMap;

/**
 * Places batch sizes relative to the critical batch size, estimated by B_crit ~ B_simple
 * (McCandlish et al. 2018). Their model: training to a given loss takes S = S_min (1 + B_crit/B)
 * steps and E = E_min (1 + B/B_crit) examples. Below B_crit, doubling the batch nearly halves the
 * steps (gradient noise dominates, curves oscillate); above it, more examples per step buy few
 * fewer steps.
 */
public final class CriticalBatchSize {

    /** Where a batch size lies relative to B_crit. */
    public enum Regime {
        /** B < B_crit: noise-dominated; larger batches still cut the number of steps. */
        BELOW,
        /** B >= B_crit: diminishing returns; larger batches mostly cost examples. */
        AT_OR_ABOVE
    }

    private CriticalBatchSize() {
    }

    /**
     * @param bSimple    the noise scale in examples, > 0 (+Infinity puts every batch size below)
     * @param batchSizes batch sizes, each >= 1
     * @return each batch size, in the given order, with its regime
     */
    public static LinkedHashMap<Integer, Regime> classify(double bSimple, int... batchSizes) {
        if (!(bSimple > 0)) {
            throw new IllegalArgumentException("bSimple is " + bSimple + "; must be > 0 (not NaN)");
        }
        if (batchSizes == null || batchSizes.length == 0) {
            throw new IllegalArgumentException("batchSizes must hold at least 1 batch size");
        }
        LinkedHashMap<Integer, Regime> regimes = new LinkedHashMap<>();
        for (int batchSize : batchSizes) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSizes holds " + batchSize + "; each must be >= 1");
            }
            regimes.put(batchSize, batchSize < bSimple ? Regime.BELOW : Regime.AT_OR_ABOVE);
        }
        return regimes;
    }
}
