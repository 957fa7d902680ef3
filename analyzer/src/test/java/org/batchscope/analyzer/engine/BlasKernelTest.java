package org.batchscope.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.batchscope.analyzer.engine.lean.LeanEngine;
import org.junit.jupiter.api.Test;

/**
 * Which OpenBLAS kernels a run's config records. That the pinned kernels give the same bits on other
 * CPUs is checked by SaveWeightsTest (cli), whose expected tensor checksums were made on an AMD EPYC and
 * hold on an Intel Xeon with AVX-512 only with the pin.
 */
class BlasKernelTest {

    @Test
    void thePinnedCoreAddsNothingToARunsConfigWhateverItsCase() {
        assertThat(BlasKernel.describe("Haswell", "any")).isEmpty();
        assertThat(BlasKernel.describe(" haswell ", "any")).isEmpty();
        assertThat(BlasKernel.describe("HASWELL", "any")).isEmpty();
    }

    @Test
    void anotherCoreOrNoneIsRecorded() {
        assertThat(BlasKernel.describe("SkylakeX", "any")).contains("SkylakeX");
        assertThat(BlasKernel.describe(null, "AMD EPYC 9B14")).contains("chosen by the CPU: AMD EPYC 9B14");
        assertThat(BlasKernel.describe("  ", "Intel(R) Xeon(R) Processor")).contains(
                "chosen by the CPU: Intel(R) Xeon(R) Processor");
    }

    /** The test JVMs are pinned as the launcher pins its JVM (the parent pom's surefire environment). */
    @Test
    void testJvmsRunThePinnedKernelsSoTheirRunConfigsAreThoseOfTheLauncher() {
        assertThat(System.getenv(BlasKernel.VARIABLE)).isEqualTo(BlasKernel.PINNED);
        assertThat(new LeanEngine(1).numericSettings()).isEqualTo(Map.of(LeanEngine.THREADS_PER_RUN, 1));
    }
}
