package org.batchscope.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.batchscope.common.Json;

/**
 * The numpy reference of {@code summary-stats-reference.json}, written by
 * {@code generator/src/test/python/summary_stats_reference.py} (numpy 1.24.2, float64): 1,000 values with
 * an offset of 1e6 and a spread of about 0.7, and numpy's mean, std (ddof=1), min and max of them.
 *
 * @param values the series
 * @param mean   numpy's mean
 * @param std    numpy's std with ddof=1
 * @param min    numpy's min
 * @param max    numpy's max
 */
public record SummaryStatsReference(double[] values, double mean, double std, double min, double max) {

    /** @return the stored reference */
    public static SummaryStatsReference load() {
        try (InputStream in = SummaryStatsReference.class.getResourceAsStream("summary-stats-reference.json")) {
            JsonNode reference = Json.mapper().readTree(in);
            double[] values = new double[reference.get("values").size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = reference.get("values").get(i).asDouble();
            }
            return new SummaryStatsReference(values, reference.get("mean").asDouble(), reference.get("std").asDouble(),
                    reference.get("min").asDouble(), reference.get("max").asDouble());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
