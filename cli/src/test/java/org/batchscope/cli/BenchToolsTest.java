package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CPU reading under one tick of the process clock gives bounds, not 0 s and an infinite rate. */
class BenchToolsTest {

    @Test
    void aReadingWithoutATickIsABoundOfOneTick() {
        BenchTools.CpuReading none = BenchTools.CpuReading.of(0);
        assertThat(none.belowTick()).isTrue();
        assertThat(none.seconds()).isEqualTo(0.01);
        assertThat(none.under() + "12 ms, " + none.over() + "7,000 a second").isEqualTo("under 12 ms, over 7,000 a second");
        BenchTools.CpuReading two = BenchTools.CpuReading.of(20_000_000L);
        assertThat(two.belowTick()).isFalse();
        assertThat(two.seconds()).isEqualTo(0.02);
        assertThat(two.under() + two.over()).isEmpty();
    }
}
