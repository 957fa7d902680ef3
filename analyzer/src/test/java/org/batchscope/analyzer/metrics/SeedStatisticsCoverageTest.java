package org.batchscope.analyzer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.RandomStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The coverage of {@link SeedStatistics#ci95()} by simulation: the share of 200,000 simulated cells of n
 * seeds (n = 2..10) whose interval holds the true mean. Reference: {@code t_interval_coverage.csv}, made by
 * {@code src/test/python/t_interval_coverage.py} (numpy, 400,000 cells per row, its own random numbers).
 * <ul>
 *   <li>normal seeds: coverage within 0.004 of the label, 0.95;</li>
 *   <li>normal, lognormal (sigma 0.5) and exponential seeds: coverage within 0.004 of numpy's.</li>
 * </ul>
 * Monte Carlo standard error of the difference of two estimates (200,000 and 400,000 cells) is at most
 * sqrt(0.12 * 0.88 * (1/200000 + 1/400000)) = 0.00089, so 0.004 is 4.5 standard errors: a correct
 * implementation fails one of the 36 comparisons with probability below 36 * 7e-6 = 3e-4.
 */
class SeedStatisticsCoverageTest {

    private static final int CELLS = 200_000;
    private static final double TOLERANCE = 0.004;

    record Row(String distribution, int seeds, double coverage) {
    }

    static List<Row> rows() throws IOException {
        try (InputStream in = SeedStatisticsCoverageTest.class.getResourceAsStream("t_interval_coverage.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(line -> line.split(","))
                    .map(f -> new Row(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]))).toList();
        }
    }

    @ParameterizedTest
    @MethodSource("rows")
    void coverageMatchesSimulationOutsideJava(Row row) {
        UniformRandomProvider rng = RandomStreams.stream(97, row.seeds(), row.distribution().hashCode());
        DoubleUnaryOperator fromNormal;
        double trueMean;
        switch (row.distribution()) {
            case "normal" -> {
                fromNormal = z -> z;
                trueMean = 0;
            }
            case "lognormal_0.5" -> {
                fromNormal = z -> Math.exp(0.5 * z);
                trueMean = Math.exp(0.125);
            }
            case "exponential" -> {
                fromNormal = null;
                trueMean = 1;
            }
            default -> throw new IllegalStateException(row.distribution());
        }
        int covered = 0;
        double[] seeds = new double[row.seeds()];
        for (int cell = 0; cell < CELLS; cell++) {
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = fromNormal == null ? -Math.log(1 - rng.nextDouble()) : fromNormal.applyAsDouble(normal(rng));
            }
            if (SeedStatistics.of(seeds).ci95().contains(trueMean)) {
                covered++;
            }
        }
        double coverage = (double) covered / CELLS;
        assertThat(coverage).as("%s, %d seeds", row.distribution(), row.seeds()).isCloseTo(row.coverage(), within(TOLERANCE));
        if (row.distribution().equals("normal")) {
            assertThat(coverage).as("normal, %d seeds: the label", row.seeds()).isCloseTo(SeedStatistics.CONFIDENCE,
                    within(TOLERANCE));
        }
    }

    /** A standard normal draw by the Box-Muller transform. */
    private static double normal(UniformRandomProvider rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
