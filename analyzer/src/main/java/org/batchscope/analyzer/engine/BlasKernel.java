package org.batchscope.analyzer.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * (and so in its hash): such runs are never mixed with, or taken for, runs of the pinned kernels. (Run files
 * written before the pin on a CPU whose OpenBLAS picks other kernels than Haswell's carry the hashes of
 * pinned runs; README.md, "Reproducibility across machines", says to rerun such folders afresh.)
 */
public final class BlasKernel {

    /** The environment variable OpenBLAS reads for its core when it loads. */
    public static final String VARIABLE = "OPENBLAS_CORETYPE";

    /** The core every process is meant to pin. */
    public static final String PINNED = "Haswell";

    /** The name of the setting in a run's config ({@code engine_settings}) when the kernels are not pinned. */
    public static final String SETTING = "openblas_coretype";

    /** This process's entry, worked out once: neither the environment nor the CPU changes while it runs. */
    private static final Map<String, Object> SETTINGS = describe(System.getenv(VARIABLE), Cpu.read())
            .map(kernels -> Map.<String, Object>of(SETTING, kernels)).orElse(Map.of());

    private BlasKernel() {
    }

    /**
     * @return nothing when this process runs the pinned kernels (so run configs, and hashes, are what they
     *         were before the pin was checked), else {@value #SETTING}: the variable's value and the CPU, which
     *         together decide the kernels
     */
    public static Map<String, Object> numericSettings() {
        return SETTINGS;
    }

    /**
     * What decides the kernels besides the variable.
     *
     * @param model    the CPU's model name, or the JVM's {@code os.arch} where /proc/cpuinfo has none
     * @param x86      whether the JVM runs on x86-64, where OpenBLAS knows the pinned core
     * @param avx2AndFma whether the CPU has the pinned kernels' instructions (OpenBLAS does not check)
     */
    record Cpu(String model, boolean x86, boolean avx2AndFma) {

        /** @return this machine's CPU, from /proc/cpuinfo's first {@code model name} and {@code flags} lines */
        static Cpu read() {
            String arch = System.getProperty("os.arch");
            boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
            String model = null;
            Set<String> flags = Set.of();
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                    String key = line.toLowerCase(Locale.ROOT);
                    String value = line.substring(line.indexOf(':') + 1).strip();
                    if (model == null && key.startsWith("model name")) {
                        model = value;
                    } else if (flags.isEmpty() && key.startsWith("flags")) {
                        flags = new HashSet<>(Arrays.asList(value.split("\\s+")));
                    }
                }
            } catch (IOException | RuntimeException notLinux) {
                // no /proc/cpuinfo: the architecture names the CPU, and the pin is not taken as certain
            }
            return new Cpu(model == null ? arch : model, x86, flags.contains("avx2") && flags.contains("fma"));
        }
    }

    /**
     * @param variable {@value #VARIABLE}'s value, null when unset
     * @return empty when OpenBLAS runs the pinned kernels: the value is {@value #PINNED} (OpenBLAS compares
     *         names ignoring case, but not spaces), on x86-64 with AVX2 and FMA; otherwise the value (or
     *         "unset") and the CPU's model, which together decide the kernels (an unknown name leaves the
     *         choice to the CPU)
     */
    static Optional<String> describe(String variable, Cpu cpu) {
        if (variable != null && variable.equalsIgnoreCase(PINNED) && cpu.x86() && cpu.avx2AndFma()) {
            return Optional.empty();
        }
        return Optional.of(VARIABLE + "=" + (variable == null ? "(unset)" : variable) + " on " + cpu.model()
                + (cpu.x86() && !cpu.avx2AndFma() ? " (without AVX2 and FMA)" : ""));
    }
}
