package org.batchscope.analyzer.metrics;

/**
 * Assigns a {@link RunState} to a validation-accuracy curve a_1..a_T (fractions). The rules are tried in
 * this order, the first that holds wins; W is the window of the last ceil(T/2) points ({@link SeriesWindow}),
 * n = |W|, m = mean of W, and N the number of validation samples:
 * <ol>
 *   <li><b>diverged</b>: the run's loss stopped being finite, or the curve holds a non-finite value;</li>
 *   <li><b>collapsed</b>: at the last evaluation every validation sample is predicted as the same class
 *       (share of the most predicted class = 1);</li>
 *   <li><b>chance</b>: m <= c + {@value #Z} sqrt(c (1 - c) / N), with c the chance level (the share of
 *       the most frequent class in the training labels): the curve is not above chance by more than
 *       {@value #Z} binomial spreads of an evaluation set of N samples. This includes curves below
 *       chance;</li>
 *   <li><b>improving</b>: the least-squares slope b over W (per evaluation) has
 *       b sqrt(S_tt) / s >= {@value #Z}, S_tt = n (n^2 - 1) / 12 = sum (t - mean t)^2, where
 *       s = max(sigma, detrended_std) and sigma = max(sqrt(m (1 - m) / N), 1 / N) is the evaluation
 *       set's resolution: the binomial spread of an accuracy near m on N samples, and at least one
 *       sample. The rise must stand out both from the curve's own scatter and from what N samples
 *       can resolve;</li>
 *   <li><b>declining</b>: the same statistic b sqrt(S_tt) / s <= -{@value #Z}: the curve falls by more
 *       than its scatter and the evaluation set's resolution can explain (over-fitting, or a learning
 *       rate that undoes what was learned);</li>
 *   <li><b>oscillating</b>: detrended_std >= {@value #OSCILLATION_FLOOR} sigma and
 *       reversal_rate >= {@value #MIN_REVERSAL_RATE}: after removing the trend, the curve scatters clearly more than a
 *       steady model evaluated on N fresh samples would, and it zig-zags (at least half its moves
 *       turn back). A monotone curve has reversal_rate 0, so a steady climb is never oscillating;</li>
 *   <li><b>steady</b> otherwise.</li>
 * </ol>
 * detrended_std and reversal_rate are those of {@link SeriesMetrics}. Rates measured by simulation at
 * the demo's N = 128 and n = 10 (README, "Run states"; {@code RunStateRuleSimulationTest} prints them):
 * a steady curve scattered like fresh binomial draws is called oscillating about 0.9% of the time and
 * improving about 1.8% and declining about 2.0%; a climb from 0.80 to 0.90 over W with that scatter is called improving 83% and
 * oscillating 0.4% of the time (a monotone climb never: its reversal_rate is 0), the mirror fall from
 * 0.90 to 0.80 declining 82%; a zig-zag of +/- 0.06
 * around 0.85 is found 98% of the time, one of +/- 0.04 61%.
 *
 * <p>When N is unknown (a user's log), the chance rule is skipped and sigma is {@value #UNKNOWN_RESOLUTION}
 * (one accuracy point), stated with the result.
 */
public final class RunStateRule {

    /** Standard errors that count as "stands out": one-sided 2.3% under a normal approximation. */
    public static final double Z = 2;
    /** detrended_std over the resolution from which a zig-zag counts as oscillating. */
    public static final double OSCILLATION_FLOOR = 1.5;
    /** The least reversal rate of an oscillating curve. */
    public static final double MIN_REVERSAL_RATE = 0.5;
    /** The resolution assumed when the evaluation-set size is unknown: one accuracy point. */
    public static final double UNKNOWN_RESOLUTION = 0.01;

    private RunStateRule() {
    }

    /**
     * What is known about one run.
     *
     * @param accuracy           validation accuracy per evaluation, fractions, in order
     * @param validationSamples  N, the validation samples behind each accuracy; 0 when unknown
     * @param chance             the chance level c in [0, 1], or NaN when unknown
     * @param finalMajorityShare share of validation predictions that go to the most predicted class at
     *                           the last evaluation, or NaN when unknown
     * @param diverged           whether the run's loss stopped being finite
     */
    public record Evidence(double[] accuracy, int validationSamples, double chance, double finalMajorityShare,
            boolean diverged) {
    }

    /** @return the state of the run, by the rules above */
    public static RunState classify(Evidence e) {
        if (e.diverged() || java.util.Arrays.stream(e.accuracy()).anyMatch(v -> !Double.isFinite(v))) {
            return RunState.DIVERGED;
        }
        if (e.finalMajorityShare() >= 1) {
            return RunState.COLLAPSED;
        }
        if (e.accuracy().length == 0) {
            return RunState.STEADY;
        }
        double[] window = e.accuracy().length < 3 ? e.accuracy() : SeriesWindow.last(e.accuracy());
        int n = window.length;
        double mean = java.util.Arrays.stream(window).average().orElseThrow();
        int samples = e.validationSamples();
        if (samples > 0 && Double.isFinite(e.chance())
                && mean <= e.chance() + chanceMargin(e.chance(), samples)) {
            return RunState.CHANCE;
        }
        if (n < 2) {
            return RunState.STEADY;
        }
        double sigma = resolution(mean, samples);
        double detrended = SeriesMetrics.detrendedStd(window);
        double spreadOfTimes = n * ((double) n * n - 1) / 12;
        double slope = slope(window);
        double trend = slope * Math.sqrt(spreadOfTimes) / Math.max(sigma, detrended);
        if (trend >= Z) {
            return RunState.IMPROVING;
        }
        if (trend <= -Z) {
            return RunState.DECLINING;
        }
        if (detrended >= OSCILLATION_FLOOR * sigma && SeriesMetrics.reversalRate(window) >= MIN_REVERSAL_RATE) {
            return RunState.OSCILLATING;
        }
        return RunState.STEADY;
    }

    /**
     * @return the evaluation set's resolution at accuracy {@code p}: max(sqrt(p (1 - p) / N), 1 / N), or
     *         {@value #UNKNOWN_RESOLUTION} when N is unknown (0)
     */
    public static double resolution(double p, int samples) {
        return samples > 0 ? Math.max(binomialSpread(p, samples), 1.0 / samples) : UNKNOWN_RESOLUTION;
    }

    /**
     * @return {@value #Z} sqrt(c (1 - c) / N): how far above chance c an accuracy measured on N samples must
     *         be to count as learned (the chance rule above; the verdict's "not above chance")
     */
    public static double chanceMargin(double chance, int samples) {
        return Z * binomialSpread(chance, samples);
    }

    /** @return sqrt(p (1 - p) / N), the standard deviation of an accuracy p measured on N samples */
    public static double binomialSpread(double p, int samples) {
        return Math.sqrt(Math.max(0, p * (1 - p)) / samples);
    }

    /** @return the least-squares slope of w over t = 0..n-1, per step of t */
    private static double slope(double[] w) {
        int n = w.length;
        double meanT = (n - 1) / 2.0;
        double meanW = java.util.Arrays.stream(w).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (int t = 0; t < n; t++) {
            num += (t - meanT) * (w[t] - meanW);
            den += (t - meanT) * (t - meanT);
        }
        return num / den;
    }
}
