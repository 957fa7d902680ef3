package org.batchscope.analyzer.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import org.batchscope.analyzer.metrics.StudentT;

/**
 * A measured effect with its confidence interval: the difference of two arms' means, or the mean of one
 * set of values, each with a Student t interval at {@code level} (two-sided).
 * <ul>
 *   <li>{@link #difference}: Welch's interval. With sample means m, variances s^2 and counts n of arms A
 *       and B: estimate = m_A - m_B, se = sqrt(s_A^2/n_A + s_B^2/n_B), degrees of freedom by
 *       Welch-Satterthwaite df = se^4 / ((s_A^2/n_A)^2/(n_A-1) + (s_B^2/n_B)^2/(n_B-1)), interval
 *       estimate -/+ t_{(1+level)/2, df} se (Welch 1947). When both variances are 0 the interval is
 *       the point itself.</li>
 *   <li>{@link #mean}: the one-sample interval m -/+ t_{(1+level)/2, n-1} s / sqrt(n).</li>
 * </ul>
 * Fewer than two values on a side give an unbounded interval (-inf, +inf): nothing can be concluded.
 * Non-finite values (a diverged run's missing metric) must be removed by the caller, who counts them.
 *
 * @param estimate the point estimate
 * @param low      the interval's lower end
 * @param high     the interval's upper end
 * @param nA       values in arm A (or in the single set)
 * @param nB       values in arm B (0 for {@link #mean})
 * @param level    the interval's nominal coverage, e.g. 0.95
 */
public record Effect(@JsonProperty("estimate") double estimate, @JsonProperty("low") double low,
        @JsonProperty("high") double high, @JsonProperty("n_a") int nA, @JsonProperty("n_b") int nB,
        @JsonProperty("level") double level) {

    /** The interval level every experiment uses. */
    public static final double LEVEL = 0.95;

    /** @return Welch's interval for mean(a) - mean(b) */
    public static Effect difference(double[] a, double[] b, double level) {
        double ma = mean(a);
        double mb = mean(b);
        double estimate = ma - mb;
        if (a.length < 2 || b.length < 2) {
            return new Effect(estimate, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, a.length, b.length, level);
        }
        double va = variance(a, ma) / a.length;
        double vb = variance(b, mb) / b.length;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Effect(estimate, estimate, estimate, a.length, b.length, level);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double half = StudentT.quantile(df, (1 + level) / 2) * se;
        return new Effect(estimate, estimate - half, estimate + half, a.length, b.length, level);
    }

    /** @return the one-sample t interval of mean(values) */
    public static Effect mean(double[] values, double level) {
        double m = mean(values);
        if (values.length < 2) {
            return new Effect(m, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, values.length, 0, level);
        }
        double se = Math.sqrt(variance(values, m) / values.length);
        if (se == 0) {
            return new Effect(m, m, m, values.length, 0, level);
        }
        double half = StudentT.quantile(values.length - 1, (1 + level) / 2) * se;
        return new Effect(m, m - half, m + half, values.length, 0, level);
    }

    /** @return half the interval's width */
    public double halfWidth() {
        return (high - low) / 2;
    }

    private static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : Arrays.stream(values).sum() / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
