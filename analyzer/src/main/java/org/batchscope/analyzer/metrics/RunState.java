package org.batchscope.analyzer.metrics;

import java.util.Locale;

/**
 * What a run's validation-accuracy curve did over its window W (the last ceil(T/2) evaluations), from a
 * fixed vocabulary. {@link RunStateRule} assigns it; files carry {@link #fileName()}.
 */
public enum RunState {
    /** Neither rising nor zig-zagging beyond what the evaluation set can resolve. */
    STEADY,
    /** Still rising: the least-squares slope over W is significantly above zero. */
    IMPROVING,
    /** Falling: the least-squares slope over W is significantly below zero (over-fitting or instability). */
    DECLINING,
    /** Zig-zags: fluctuates around its trend clearly more than the evaluation set's resolution. */
    OSCILLATING,
    /** Predicts one class for every validation sample at the last evaluation. */
    COLLAPSED,
    /** No better than always guessing the most frequent training class. */
    CHANCE,
    /** The loss stopped being finite. */
    DIVERGED;

    /** @return the name in files and text: {@code steady}, {@code improving}, ... */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the state named {@code name} ({@link #fileName()}), or null for null or an unknown name */
    public static RunState fromFileName(String name) {
        for (RunState state : values()) {
            if (state.fileName().equals(name)) {
                return state;
            }
        }
        return null;
    }
}
