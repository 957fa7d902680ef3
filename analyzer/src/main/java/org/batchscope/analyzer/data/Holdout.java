package org.batchscope.analyzer.data;

import org.batchscope.analyzer.engine.BatchPlan;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.common.BadInputException;

/**
 * Carves a validation split from a dataset that has none: the seeded permutation
 * {@code BatchPlan.epochOrder(SEED, 0, n)} of the samples (a fixed seed, independent of any run seed,
 * so that every run of a sweep sees the same split); the first round(n x fraction) samples in permuted order become
 * validation, the rest training; each part keeps the original sample order.
 */
public final class Holdout {

    /** The share of samples carved out for validation. */
    public static final double VALIDATION_FRACTION = 0.2;
    private static final long SEED = 0x484f4c44L;

    private Holdout() {
    }

    /**
     * @return the samples left for training after carving from {@code n}: n - round(n x fraction)
     * @throws BadInputException when either part would be empty
     */
    public static int trainingCount(int n, String source) {
        int validation = (int) Math.round(n * VALIDATION_FRACTION);
        if (validation < 1 || n - validation < 1) {
            throw new BadInputException(source + ": " + n + " samples are too few to carve a validation split");
        }
        return n - validation;
    }

    /** @return {training, validation} */
    public static TensorData[] split(TensorData all, String source) {
        int n = all.count();
        int validation = n - trainingCount(n, source);
        int[] order = BatchPlan.epochOrder(SEED, 0, n);
        boolean[] isValidation = new boolean[n];
        for (int k = 0; k < validation; k++) {
            isValidation[order[k]] = true;
        }
        int[] trainIdx = new int[n - validation];
        int[] valIdx = new int[validation];
        int t = 0;
        int v = 0;
        for (int i = 0; i < n; i++) {
            if (isValidation[i]) {
                valIdx[v++] = i;
            } else {
                trainIdx[t++] = i;
            }
        }
        return new TensorData[] {all.select(trainIdx), all.select(valIdx)};
    }
}
