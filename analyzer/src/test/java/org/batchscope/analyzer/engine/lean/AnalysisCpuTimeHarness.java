package org.batchscope.analyzer.engine.lean;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.sharpness.Lanczos;

/**
 * Not a test: a command-line harness that times the lean engine's analysis kernels on the benchmark CNN
 * by the thread's CPU time, which load on the machine distorts far less than wall clock (compare
 * {@link LeanCpuTimeHarness}): one gradient probe (per-example gradients and batch sharpness on 64 probe
 * examples at the given batch size), one Lanczos eigenvalue (at most 20 products over 128 samples,
 * tolerance 1e-2), a forward pass per sample (evaluations, scoring) and, for scale, a training step
 * (forward and backward) per sample at that batch size. Random data and Xavier weights; each figure is
 * the median of 5 repetitions after one warm-up. Run with the test classpath:
 * {@code java -cp analyzer/target/classes:analyzer/target/test-classes:DEPS
 * org.batchscope.analyzer.engine.lean.AnalysisCpuTimeHarness PIXELS BATCH}.
 */
public final class AnalysisCpuTimeHarness {

    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    private static final int REPETITIONS = 5;

    private AnalysisCpuTimeHarness() {
    }

    public static void main(String[] args) {
        int pixels = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        ModelArchitecture model = new ModelArchitecture.SmallCnn(3, pixels, pixels, List.of(16, 32), List.of(64), 2);
        TensorData probe = ToyData.random(64, model.inputShape(), 2, 1);
        TensorData subset = ToyData.random(128, model.inputShape(), 2, 2);
        try (LeanNetwork network = new LeanNetwork(model, Math.max(batch, LeanRun.EVALUATION_CHUNK))) {
            float[] params = ParameterInitializer.initialize(network.layout(), Initialization.XAVIER, 7L);
            System.arraycopy(params, 0, network.parameters(), 0, params.length);
            PerExampleGradientProbe gradientProbe = new PerExampleGradientProbe(network, probe, batch);
            double step = median(() -> {
                for (int from = 0; from + batch <= probe.count(); from += batch) {
                    network.load(probe, null, from, batch);
                    network.lossAndGradient(batch);
                }
            }) / (probe.count() / batch * batch);
            double forward = median(() -> network.evaluate(subset, new int[subset.count()])) / subset.count();
            double probeMs = median(() -> gradientProbe.measure(1));
            LeanModel trained = new LeanModel(model, params);
            int[] products = new int[1];
            double lanczosMs = median(() -> {
                try (LeanHessian hessian = trained.hessian(params, subset)) {
                    products[0] = Lanczos.largestEigenvalue(hessian, 20, 1e-2, 1).iterations();
                }
            });
            System.out.printf("%d px, batch %d: training step %.0f us/sample, forward %.0f us/sample, "
                    + "gradient probe %.1f ms, Lanczos %.1f ms (%d iterations)%n", pixels, batch, step * 1e3,
                    forward * 1e3, probeMs, lanczosMs, products[0]);
        }
    }

    /** @return the median over {@link #REPETITIONS} runs of {@code work}'s thread CPU milliseconds, after a warm-up */
    private static double median(Runnable work) {
        work.run();
        double[] ms = new double[REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            long start = BEAN.getCurrentThreadCpuTime();
            work.run();
            ms[r] = (BEAN.getCurrentThreadCpuTime() - start) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[REPETITIONS / 2];
    }
}
