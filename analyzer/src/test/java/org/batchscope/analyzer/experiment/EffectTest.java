package org.batchscope.analyzer.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;

class EffectTest {

    /**
     * Reference intervals from src/test/python/welch_reference.py (Debian's numpy + scipy 1.10
     * scipy.stats.t). scipy 1.10's t quantile near 1 degree of freedom is itself accurate to about 1e-9
     * (a newer scipy differs from it there by 1.4e-9), hence the 1e-8 tolerance on the interval ends.
     */
    @Test
    void matchesScipyWelchAndStudentIntervals() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/experiment/welch-reference.json")) {
            cases = Json.mapper().readTree(in).path("cases");
        }
        assertThat(cases.size()).isEqualTo(5);
        for (JsonNode c : cases) {
            double[] a = toArray(c.path("a"));
            double[] b = toArray(c.path("b"));
            Effect d = Effect.difference(a, b, 0.95);
            assertThat(d.estimate()).isCloseTo(c.path("difference").get(0).asDouble(), within(1e-12));
            assertThat(d.low()).isCloseTo(c.path("difference").get(1).asDouble(), within(1e-8));
            assertThat(d.high()).isCloseTo(c.path("difference").get(2).asDouble(), within(1e-8));
            Effect m = Effect.mean(a, 0.95);
            assertThat(m.low()).isCloseTo(c.path("mean_a").get(1).asDouble(), within(1e-8));
            assertThat(m.high()).isCloseTo(c.path("mean_a").get(2).asDouble(), within(1e-8));
        }
    }

    @Test
    void fewerThanTwoValuesGiveAnUnboundedInterval() {
        Effect e = Effect.difference(new double[] {0.5}, new double[] {0.1, 0.2}, 0.95);
        assertThat(e.estimate()).isCloseTo(0.35, within(1e-12));
        assertThat(e.low()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(e.high()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void identicalValuesGiveThePoint() {
        Effect e = Effect.difference(new double[] {1, 1, 1}, new double[] {0.25, 0.25}, 0.95);
        assertThat(e.low()).isEqualTo(0.75);
        assertThat(e.high()).isEqualTo(0.75);
    }

    /**
     * Coverage by simulation: 4,000 pairs of normal samples with 3 and 4 values and unequal variances and
     * the true difference 0.3; Welch's 95% interval must contain it in 95% +/- 2% of them. The binomial
     * standard error at 4,000 trials is 0.0034, so the band is about 6 standard errors (a false failure
     * about 1 in 10^8; the seed is fixed, so the test is deterministic).
     */
    @Test
    void welchIntervalCoversAtItsLevel() {
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        int trials = 4000;
        for (int t = 0; t < trials; t++) {
            double[] a = normals(random, 3, 1.3, 0.2);
            double[] b = normals(random, 4, 1.0, 0.6);
            Effect e = Effect.difference(a, b, 0.95);
            if (e.low() <= 0.3 && 0.3 <= e.high()) {
                covered++;
            }
        }
        assertThat(covered / (double) trials).isBetween(0.93, 0.97);
    }

    private static double[] normals(SplittableRandom random, int n, double mean, double sd) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            out[i] = mean + sd * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
        }
        return out;
    }

    private static double[] toArray(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asDouble();
        }
        return out;
    }
}
