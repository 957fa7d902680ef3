package org.batchscope.analyzer.data;

import java.util.List;
import java.util.function.Predicate;
import org.batchscope.analyzer.engine.BatchPlan;
import org.batchscope.analyzer.engine.TensorData;

/**
 * Breaks the link between a group of a table's columns and the rest of each row: the marked columns'
 * values are taken together from the rows of one seeded permutation ({@code BatchPlan.epochOrder(seed, 0,
 * n)}), which keeps their joint distribution and the other columns as they are.
 */
public final class ColumnPermutation {

    private ColumnPermutation() {
    }

    /** @return whether a column of this role is a feature column: {@code informative}, {@code redundant} or {@code repeated} */
    public static boolean isInformative(String role) {
        return role.equals("informative") || role.equals("redundant") || role.equals("repeated");
    }

    /** @return one flag per column: whether its role passes {@code inGroup} */
    public static boolean[] columns(List<String> roles, Predicate<String> inGroup) {
        boolean[] out = new boolean[roles.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = inGroup.test(roles.get(c));
        }
        return out;
    }

    /** @return {@code data} with the marked columns' values taken from rows in a seeded permuted order */
    public static TensorData permute(TensorData data, boolean[] columns, long seed) {
        int n = data.count();
        int d = data.sampleSize();
        int[] order = BatchPlan.epochOrder(seed, 0, n);
        float[] x = data.features().clone();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                if (columns[c]) {
                    x[i * d + c] = data.features()[order[i] * d + c];
                }
            }
        }
        return new TensorData(x, data.labels(), data.sampleShape(), data.classes());
    }
}
