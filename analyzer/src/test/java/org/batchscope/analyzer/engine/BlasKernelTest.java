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

    private static final BlasKernel.Cpu XEON = new BlasKernel.Cpu("Intel(R) Xeon(R) Processor", true, true);

    @Test
    void thePinnedCoreOnAnAvx2CpuAddsNothingToARunsConfigWhateverItsCase() {
        assertThat(BlasKernel.describe("Haswell", XEON)).isEmpty();
        assertThat(BlasKernel.describe("haswell", XEON)).isEmpty();
        assertThat(BlasKernel.describe("HASWELL", XEON)).isEmpty();
    }

    @Test
    void anythingElseIsRecordedWithTheCpu() {
        assertThat(BlasKernel.describe(null, XEON)).contains("OPENBLAS_CORETYPE=(unset) on Intel(R) Xeon(R) Processor");
        assertThat(BlasKernel.describe("SkylakeX", XEON)).contains("OPENBLAS_CORETYPE=SkylakeX on Intel(R) Xeon(R) Processor");
        // OpenBLAS does not strip spaces: " haswell " is an unknown core, so the CPU chooses
        assertThat(BlasKernel.describe(" haswell ", XEON)).contains("OPENBLAS_CORETYPE= haswell  on Intel(R) Xeon(R) Processor");
        assertThat(BlasKernel.describe("Haswell", new BlasKernel.Cpu("Intel(R) Atom(TM) CPU", true, false)))
                .contains("OPENBLAS_CORETYPE=Haswell on Intel(R) Atom(TM) CPU (without AVX2 and FMA)");
        assertThat(BlasKernel.describe("Haswell", new BlasKernel.Cpu("aarch64", false, false)))
                .contains("OPENBLAS_CORETYPE=Haswell on aarch64");
    }

    @Test
    void thisMachinesCpuIsRead() {
        BlasKernel.Cpu cpu = BlasKernel.Cpu.read();
        assertThat(cpu.model()).isNotBlank();
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/proc/cpuinfo")) && cpu.x86()) {
            assertThat(cpu.model()).isNotEqualTo(System.getProperty("os.arch"));
        }
    }

    /** The test JVMs are pinned as the launcher pins its JVM (the parent pom's surefire environment). */
    @Test
    void testJvmsRunThePinnedKernelsSoTheirRunConfigsAreThoseOfTheLauncher() {
        assertThat(System.getenv(BlasKernel.VARIABLE)).isEqualTo(BlasKernel.PINNED);
        assertThat(new LeanEngine(1).numericSettings()).isEqualTo(Map.of(LeanEngine.THREADS_PER_RUN, 1));
    }
}
