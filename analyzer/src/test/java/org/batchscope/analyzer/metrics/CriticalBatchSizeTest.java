package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.batchscope.analyzer.metrics.CriticalBatchSize.Regime;
import org.junit.jupiter.api.Test;

class CriticalBatchSizeTest {

    @Test
    void splitsBatchSizesAtBSimple() {
        assertThat(CriticalBatchSize.classify(8, 32, 1, 8, 4)).containsExactly(
                entry(32, Regime.AT_OR_ABOVE), entry(1, Regime.BELOW), entry(8, Regime.AT_OR_ABOVE), entry(4, Regime.BELOW));
        assertThat(CriticalBatchSize.classify(Double.POSITIVE_INFINITY, 1024)).containsExactly(entry(1024, Regime.BELOW));
    }

    @Test
    void rejectsUndefinedNoiseScaleAndBadBatchSizes() {
        assertThatThrownBy(() -> CriticalBatchSize.classify(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bSimple");
        assertThatThrownBy(() -> CriticalBatchSize.classify(4, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSizes");
        assertThatThrownBy(() -> CriticalBatchSize.classify(4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSizes");
    }
}
