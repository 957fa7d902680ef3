package org.batchscope.analyzer.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which of OpenBLAS's kernels this process's matrix products run on (the lean engine's {@code Sgemm} and the
 * dl4j engine's ND4J, which load the same OpenBLAS), as part of a run's numbers. The OpenBLAS that JavaCPP ships is built for many CPUs and picks its kernels by the CPU when it
 * loads, unless the environment variable {@value #VARIABLE} names a core; kernels for different cores sum a
 * product in different orders. Measured: the same CNN run trained to other weights (other SHA-256 of every
 * saved tensor) on an Intel Xeon with AVX-512 (OpenBLAS's SkylakeX kernels) than on an AMD EPYC, and to
 * the AMD machine's bits on the Intel one with {@code OPENBLAS_CORETYPE=Haswell}: the AVX2 and FMA kernels,
 * which CPUs with those instructions run (Intel since Haswell, AMD since Excavator; not every low-end
 * Pentium, Celeron or Atom). Figures: bench/README.md, "The same run on two machines".
 *
 * <p>So the launcher, Maven's test JVMs and the Spark test cluster set {@value #VARIABLE} to {@value #PINNED}
 * (the value is read once, when OpenBLAS loads, so it cannot be set from Java). A process without it
 * computes its runs with the kernels of its own CPU, which {@link #numericSettings} records in the run's config
 * (and so in its hash): such runs are never mixed with, or taken for, runs of the pinned kernels.
 */
public final class BlasKernel {

    /** The environment variable OpenBLAS reads for its core when it loads. */
    public static final String VARIABLE = "OPENBLAS_CORETYPE";

    /** The core every process is meant to pin. */
    public static final String PINNED = "Haswell";

    /** The name of the setting in a run's config ({@code engine_settings}) when the kernels are not pinned. */
    public static final String SETTING = "openblas_coretype";

    private BlasKernel() {
    }

    /**
     * @return nothing when this process runs the pinned kernels (so run configs, and hashes, are what they
     *         were before the pin was checked), else {@value #SETTING}: the variable's value, or when unset
     *         "chosen by the CPU" and the CPU's model name
     */
    public static Map<String, Object> numericSettings() {
        return describe(System.getenv(VARIABLE), cpuModel()).map(kernel -> Map.<String, Object>of(SETTING, kernel))
                .orElse(Map.of());
    }

    /** @return the kernels a process with {@code variable} (null when unset) runs, or empty when pinned */
    static Optional<String> describe(String variable, String cpuModel) {
        if (variable == null || variable.isBlank()) {
            return Optional.of("chosen by the CPU: " + cpuModel);
        }
        String value = variable.strip();
        return value.equalsIgnoreCase(PINNED) ? Optional.empty() : Optional.of(value);
    }

    /** @return the first {@code model name} of /proc/cpuinfo, or the JVM's {@code os.arch} where there is none */
    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // fall through to the architecture
        }
        return System.getProperty("os.arch");
    }
}
