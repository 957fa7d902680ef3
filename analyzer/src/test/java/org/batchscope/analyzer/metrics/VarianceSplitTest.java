package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VarianceSplitTest {

    @Test
    void handExampleOverDefaultWindows() {
        // windows (last 2 of 4): {1, 3} and {2, 6}
        // {1, 3}: mean 2, variance (1 + 1)/1 = 2; {2, 6}: mean 4, variance (4 + 4)/1 = 8
        // within = (2 + 8)/2 = 5; between = variance of {2, 4} = (1 + 1)/1 = 2
        VarianceSplit split = VarianceSplit.of(new double[][] {{9, 9, 1, 3}, {0, 0, 2, 6}});
        assertThat(split.withinRun()).isCloseTo(5, within(1e-12));
        assertThat(split.betweenRun()).isCloseTo(2, within(1e-12));
    }

    @Test
    void explicitWindow() {
        // last 3: {9, 1, 3} mean 13/3, {0, 2, 6} mean 8/3; between = (13/3 - 8/3)^2 / 2 = 25/18
        // variances: {9,1,3}: deviations 14/3, -10/3, -4/3 -> (196+100+16)/9/2 = 312/18 = 52/3;
        //            {0,2,6}: deviations -8/3, -2/3, 10/3 -> (64+4+100)/9/2 = 168/18 = 28/3
        // within = (52/3 + 28/3)/2 = 40/3
        VarianceSplit split = VarianceSplit.of(new double[][] {{9, 9, 1, 3}, {0, 0, 2, 6}}, 3);
        assertThat(split.withinRun()).isCloseTo(40.0 / 3, within(1e-12));
        assertThat(split.betweenRun()).isCloseTo(25.0 / 18, within(1e-12));
    }

    @Test
    void oneRunHasNoBetweenRunVariance() {
        VarianceSplit split = VarianceSplit.of(new double[][] {{0, 1, 3}});
        assertThat(split.withinRun()).isCloseTo(2, within(1e-12));
        assertThat(split.betweenRun()).isNaN();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> VarianceSplit.of(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs");
        assertThatThrownBy(() -> VarianceSplit.of(new double[][] {{1, 2, 3}, {1, 2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs[1]");
        assertThatThrownBy(() -> VarianceSplit.of(new double[][] {{1, 2, 3}}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs[0]");
    }
}
