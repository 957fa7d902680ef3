package org.batchscope.analyzer.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock seconds of a run's end-of-run measuring phases, by phase name, from {@link System#nanoTime}:
 * each {@link #time} call adds the time its work took to its phase. Used on the run's thread only.
 */
final class AnalysisClock {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** @return what {@code work} returns, after adding the time it took to {@code phase} */
    <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(phase, System.nanoTime() - start, Long::sum);
        }
    }

    /** @return seconds by phase, in the order the phases were first timed */
    Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        nanos.forEach((phase, n) -> seconds.put(phase, n / 1e9));
        return seconds;
    }
}
