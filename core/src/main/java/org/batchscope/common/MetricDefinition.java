package org.batchscope.common;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * One entry of the {@link MetricRegistry}: a measure by the name written in result files, with its unit,
 * which direction is better, a definition in words and a formula in ASCII.
 *
 * @param name       the snake_case name in result files, for example {@code amplitude}
 * @param level      where it is written: {@code run} (a run file's metrics or timing), {@code cell} (a row
 *                   of summary.csv, over the seeds of a cell) or {@code sweep} (summary.json, across cells)
 * @param series     whether it is measured on a series over the window W (and so also written with the
 *                   prefixes of {@link MetricRegistry#SERIES_PREFIXES})
 * @param unit       its unit, for example {@code fraction} or {@code nats}
 * @param better     which direction is better
 * @param definition what it measures, in words
 * @param formula    how it is computed, in ASCII
 */
public record MetricDefinition(
        @JsonProperty("name") String name,
        @JsonProperty("level") Level level,
        @JsonProperty("series") boolean series,
        @JsonProperty("unit") String unit,
        @JsonProperty("better") Better better,
        @JsonProperty("definition") String definition,
        @JsonProperty("formula") String formula) {

    /** Where a metric is written. */
    public enum Level {
        /** In a run file, under {@code metrics} or {@code timing}; per cell with the cell suffixes. */
        RUN,
        /** In a cell's row of {@code summary.csv} / {@code summary.json}. */
        CELL,
        /** In {@code summary.json}, across the cells of a dataset. */
        SWEEP;

        /** @return the name written in the registry file: run, cell or sweep */
        @com.fasterxml.jackson.annotation.JsonValue
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which direction of a metric is better. */
    public enum Better {
        /** A lower value is better (steadier, flatter, cheaper). */
        LOWER,
        /** A higher value is better. */
        HIGHER,
        /** Neither: a count or a scale to read, not to optimise. */
        NEITHER;

        /** @return the name written in the registry file and the docs: lower, higher or neither */
        @com.fasterxml.jackson.annotation.JsonValue
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MetricDefinition {
        level = level == null ? Level.RUN : level;
        if (name == null || !name.matches("[a-z][a-z0-9_]*") || unit == null || better == null || definition == null
                || formula == null) {
            throw new IllegalArgumentException("incomplete metric definition: " + name);
        }
    }
}
