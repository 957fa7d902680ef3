package org.batchscope.analyzer.data;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.engine.BatchPlan;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.common.files.DatasetManifest;

/**
 * The shortcut sets of a generated table ({@link ShortcutSets}). In training, block
 * {@code spec.shortcut_block} carries the label with strength {@code spec.rho}; its columns are those
 * whose role is {@code noise:<kind>:<block>}. As with swapping an image's background for one tied to
 * a class, each test row's shortcut-block values are replaced by those of a training row of a chosen
 * class: a draw from the training distribution of the block given that class, the rest of the row
 * unchanged. The grouped set holds every test row twice: with the block of a training row of its own
 * label (shortcut class = its label, aligned) and of another class (conflicting; class
 * {@code (y + 1 + i mod (k - 1)) mod k} for row i, so each other class in turn). Donor rows of a class
 * are taken in a seeded shuffled order, cycling. The featureless set is the aligned half with the
 * informative, redundant and repeated columns permuted across rows ({@link ColumnPermutation}), so only
 * the shortcut block still points to a class.
 *
 * <p>Not formed (rho known, no sets) when rho is 0, when there is no test split, or when the columns
 * were rotated (the block's columns are then mixed with all others).
 */
final class TableShortcutSets {

    private static final long DONOR_SEED = 0x444f4e52L;
    private static final long PERMUTATION_SEED = 0x46454154L;

    private TableShortcutSets() {
    }

    /** @return the sets, {@link ShortcutSets#none} when they cannot be formed, or null when the manifest records no rho */
    static ShortcutSets read(DatasetManifest manifest, List<String> roles, TensorData train, TensorData test) {
        Double rho = manifest.rho();
        if (rho == null) {
            return null;
        }
        Integer shortcutBlock = manifest.spec().shortcutBlock();
        String blockSuffix = ":" + (shortcutBlock == null ? 0 : shortcutBlock);
        boolean[] block = ColumnPermutation.columns(roles,
                role -> role.startsWith("noise:") && !role.equals("noise:iid") && role.endsWith(blockSuffix));
        boolean any = false;
        for (boolean b : block) {
            any |= b;
        }
        if (rho == 0 || test == null || !any || test.sampleSize() != block.length) {
            return ShortcutSets.none(rho);
        }
        int k = test.classes();
        int[][] donors = donorsByClass(train, k);
        for (int[] rows : donors) {
            if (rows.length == 0) {
                return ShortcutSets.none(rho);
            }
        }
        int n = test.count();
        int[] shortcutClass = new int[2 * n];
        for (int i = 0; i < n; i++) {
            int y = test.labels()[i];
            shortcutClass[i] = y;
            shortcutClass[n + i] = (y + 1 + i % (k - 1)) % k;
        }
        TensorData grouped = transplant(test, train, block, donors, shortcutClass);
        int[] alignedRows = java.util.stream.IntStream.range(0, n).toArray();
        TensorData featureless = ColumnPermutation.permute(grouped.select(alignedRows),
                ColumnPermutation.columns(roles, ColumnPermutation::isInformative), PERMUTATION_SEED);
        return new ShortcutSets(rho, grouped, shortcutClass, featureless,
                java.util.Arrays.copyOf(shortcutClass, n));
    }

    /** @return per class, the training rows with that label in a seeded shuffled order */
    private static int[][] donorsByClass(TensorData train, int k) {
        List<List<Integer>> rows = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            rows.add(new ArrayList<>());
        }
        for (int i : BatchPlan.epochOrder(DONOR_SEED, 0, train.count())) {
            rows.get(train.labels()[i]).add(i);
        }
        return rows.stream().map(r -> r.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /**
     * @return row j = test row {@code j mod n} with the block's values of the next donor row of class
     *         {@code shortcutClass[j]}; labels those of the test rows
     */
    private static TensorData transplant(TensorData test, TensorData train, boolean[] block, int[][] donors,
            int[] shortcutClass) {
        int n = test.count();
        int d = test.sampleSize();
        float[] x = new float[shortcutClass.length * d];
        int[] y = new int[shortcutClass.length];
        int[] next = new int[donors.length];
        for (int j = 0; j < shortcutClass.length; j++) {
            int source = j % n;
            int c = shortcutClass[j];
            int donor = donors[c][next[c]++ % donors[c].length];
            System.arraycopy(test.features(), source * d, x, j * d, d);
            for (int col = 0; col < d; col++) {
                if (block[col]) {
                    x[j * d + col] = train.features()[donor * d + col];
                }
            }
            y[j] = test.labels()[source];
        }
        return new TensorData(x, y, test.sampleShape(), test.classes());
    }
}
