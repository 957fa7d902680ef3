package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void rejectsEmptyInput() {
        assertThatThrownBy(() -> SeedComparison.probabilitySteadier(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amplitudesA");
        assertThatThrownBy(() -> SeedComparison.probabilitySteadier(new double[] {1}, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amplitudesB");
    }
}
