package org.batchscope.analyzer.metrics;

import java.util.Locale;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.RandomStreams;

/**
 * Simulated validation-accuracy curves whose truth is known, for measuring {@link RunStateRule}: each
 * evaluation t draws its accuracy as Binomial(N, p_t) / N, that is as if the model of true accuracy p_t
 * were scored on N fresh samples (the most scatter a model that does not change could show on an
 * evaluation set of N samples). T = {@value #EVALUATIONS} evaluations (the demo's 10 epochs x 2), so the
 * window W holds the last 10. {@link #main} prints the table of the README's "Run states" section.
 */
final class RunStateSimulation {

    /** Evaluations per simulated run (the demo: 10 epochs, 2 evaluations per epoch). */
    static final int EVALUATIONS = 20;
    /** The demo's validation samples at the default scale. */
    static final int DEMO_VALIDATION = 128;

    private RunStateSimulation() {
    }

    /** @return the share of {@code curves} simulated runs with true accuracy p_t that get {@code state} */
    static double rate(RunState state, IntToDoubleFunction trueAccuracy, int samples, double chance, int curves,
            long seed) {
        UniformRandomProvider rng = RandomStreams.stream(seed);
        int hits = 0;
        for (int c = 0; c < curves; c++) {
            double[] curve = new double[EVALUATIONS];
            for (int t = 0; t < EVALUATIONS; t++) {
                double p = trueAccuracy.applyAsDouble(t);
                int correct = 0;
                for (int i = 0; i < samples; i++) {
                    correct += rng.nextDouble() < p ? 1 : 0;
                }
                curve[t] = (double) correct / samples;
            }
            if (RunStateRule.classify(new RunStateRule.Evidence(curve, samples, chance, Double.NaN, false)) == state) {
                hits++;
            }
        }
        return (double) hits / curves;
    }

    /** True accuracy p, constant. */
    static IntToDoubleFunction steady(double p) {
        return t -> p;
    }

    /**
     * True accuracy moving linearly from {@code from} at t = 0 to {@code to} at the last evaluation: a
     * climb, or a fall when {@code to < from}.
     */
    static IntToDoubleFunction linear(double from, double to) {
        return t -> from + (to - from) * t / (EVALUATIONS - 1);
    }

    /** True accuracy p + a at even t and p - a at odd t: a zig-zag of amplitude a. */
    static IntToDoubleFunction zigZag(double p, double a) {
        return t -> t % 2 == 0 ? p + a : p - a;
    }

    /** Prints the rates at N = 128 (and 64 and 512), 20,000 curves each. */
    public static void main(String[] args) {
        int curves = 20_000;
        for (int n : new int[] {64, DEMO_VALIDATION, 512}) {
            System.out.printf(Locale.ROOT, "N = %d validation samples (resolution at 0.85: %.4f)%n", n,
                    RunStateRule.resolution(0.85, n));
            for (double p : new double[] {0.6, 0.75, 0.9, 0.97}) {
                System.out.printf(Locale.ROOT, "  steady p = %.2f: oscillating %.4f, improving %.4f, declining %.4f%n", p,
                        rate(RunState.OSCILLATING, steady(p), n, 0.5, curves, 1),
                        rate(RunState.IMPROVING, steady(p), n, 0.5, curves, 1),
                        rate(RunState.DECLINING, steady(p), n, 0.5, curves, 1));
            }
            System.out.printf(Locale.ROOT, "  climb 0.70 -> 0.90 over the run (0.80 -> 0.90 over W): improving %.4f,"
                    + " oscillating %.4f%n", rate(RunState.IMPROVING, linear(0.7, 0.9), n, 0.5, curves, 2),
                    rate(RunState.OSCILLATING, linear(0.7, 0.9), n, 0.5, curves, 2));
            System.out.printf(Locale.ROOT, "  fall 1.00 -> 0.80 over the run (0.90 -> 0.80 over W): declining %.4f,"
                    + " oscillating %.4f%n", rate(RunState.DECLINING, linear(1.0, 0.8), n, 0.5, curves, 5),
                    rate(RunState.OSCILLATING, linear(1.0, 0.8), n, 0.5, curves, 5));
            for (double a : new double[] {0.02, 0.04, 0.06, 0.08}) {
                System.out.printf(Locale.ROOT, "  zig-zag 0.85 +/- %.2f: oscillating %.4f%n", a,
                        rate(RunState.OSCILLATING, zigZag(0.85, a), n, 0.5, curves, 3));
            }
            System.out.printf(Locale.ROOT, "  at chance 0.5: chance %.4f; true accuracy 0.65: chance %.4f%n",
                    rate(RunState.CHANCE, steady(0.5), n, 0.5, curves, 4),
                    rate(RunState.CHANCE, steady(0.65), n, 0.5, curves, 4));
        }
    }
}
