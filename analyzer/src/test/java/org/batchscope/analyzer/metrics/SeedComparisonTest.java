package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedComparisonTest {

    @Test
    void handExampleWithATie() {
        // A = {1, 2}, B = {2, 3}: pairs (1,2) win, (1,3) win, (2,2) tie 1/2, (2,3) win -> 3.5/4
        assertThat(SeedComparison.probabilitySteadier(new double[] {1, 2}, new double[] {2, 3})).isEqualTo(0.875);
        // reversed: (2,1) no, (2,2) tie 1/2, (3,1) no, (3,2) no -> 0.5/4; the two sum to 1
        assertThat(SeedComparison.probabilitySteadier(new double[] {2, 3}, new double[] {1, 2})).isEqualTo(0.125);
    }

    @Test
    void unequalSizesAndAllTies() {
        // A = {0.1}, B = {0.1, 0.2, 0.05}: tie 1/2 + win 1 + loss 0 -> 1.5/3 = 0.5
        assertThat(SeedComparison.probabilitySteadier(new double[] {0.1}, new double[] {0.1, 0.2, 0.05})).isEqualTo(0.5);
        assertThat(SeedComparison.probabilitySteadier(new double[] {4, 4}, new double[] {4})).isEqualTo(0.5);
        assertThat(SeedComparison.probabilitySteadier(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(1.0);
    }

    /**
     * Exact two-sided p-values against {@code mann_whitney_exact.csv}, made by enumerating every split with
     * itertools and numpy ({@code src/test/python/mann_whitney_exact.py}); both are exact counts, so they
     * agree to rounding.
     */
    @Test
    void exactPValuesMatchEnumerationOutsideJava() throws java.io.IOException {
        String csv;
        try (var in = SeedComparisonTest.class.getResourceAsStream("mann_whitney_exact.csv")) {
            csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(6);
        for (String row : rows) {
            String[] f = row.split(",");
            double[] a = java.util.Arrays.stream(f[0].split(" ")).mapToDouble(Double::parseDouble).toArray();
            double[] b = java.util.Arrays.stream(f[1].split(" ")).mapToDouble(Double::parseDouble).toArray();
            assertThat(SeedComparison.pValue(a, b)).as(row).isCloseTo(Double.parseDouble(f[2]), within(1e-11));
            assertThat(SeedComparison.pValue(b, a)).as("symmetric: " + row).isCloseTo(Double.parseDouble(f[2]), within(1e-11));
        }
    }

    @Test
    void smallestPValueOfFewSeeds() {
        // 2 / C(6, 3) = 2 / 20; 2 / C(4, 2) = 2 / 6; 1 seed against 1: 2 / 2 = 1
        assertThat(SeedComparison.smallestPValue(3, 3)).isCloseTo(0.1, within(1e-15));
        assertThat(SeedComparison.smallestPValue(2, 2)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(SeedComparison.smallestPValue(1, 1)).isEqualTo(1.0);
    }

    @Test
    void manySeedsUseRandomSplits() {
        // 13 against 13 (C(26, 13) = 10,400,600 splits): complete separation, exact p = 2 / 10,400,600; the
        // random estimate is (1 + hits) / (1 + 200,000) with hits almost surely 0
        double[] a = new double[13];
        double[] b = new double[13];
        for (int i = 0; i < 13; i++) {
            a[i] = i;
            b[i] = 100 + i;
        }
        assertThat(SeedComparison.pValue(a, b)).isCloseTo(1.0 / 200_001, within(1e-12));
    }

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> SeedComparison.probabilitySteadier(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amplitudesA");
        assertThatThrownBy(() -> SeedComparison.probabilitySteadier(new double[] {1}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amplitudesB");
    }
}
