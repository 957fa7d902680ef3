package org.batchscope.analyzer.engine.lean;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.TensorData;

/**
 * Not a test: a command-line harness that times training steps of the benchmark CNN by the training
 * thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime}), which load on the machine does not
 * distort the way it distorts wall clock. A step is what {@code LeanRun} does: load, forward and backward,
 * plain SGD. Run with the test classpath:
 * {@code java -cp analyzer/target/classes:analyzer/target/test-classes:DEPS
 * org.batchscope.analyzer.engine.lean.LeanCpuTimeHarness [seconds] [batch ...]}; prints CPU
 * microseconds per sample and samples per CPU second, per batch size.
 */
public final class LeanCpuTimeHarness {

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private LeanCpuTimeHarness() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int[] batches = args.length > 1 ? new int[args.length - 1] : new int[] {1, 8, 32};
        for (int i = 1; i < args.length; i++) {
            batches[i - 1] = Integer.parseInt(args[i]);
        }
        ModelArchitecture model = new ModelArchitecture.SmallCnn(3, 64, 64, List.of(16, 32), List.of(64), 2);
        int n = 256;
        Random random = new Random(1);
        float[] features = new float[n * 3 * 64 * 64];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextFloat();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(2);
        }
        TensorData data = new TensorData(features, labels, new int[] {3, 64, 64}, 2);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int batch : batches) {
            try (LeanNetwork network = new LeanNetwork(model, Math.max(batch, LeanRun.EVALUATION_CHUNK))) {
                float[] params = network.parameters();
                float[] init = ParameterInitializer.initialize(network.layout(),
                        org.batchscope.analyzer.engine.Initialization.XAVIER, 7L);
                System.arraycopy(init, 0, params, 0, params.length);
                Optimizer sgd = new Sgd();
                run(network, data, batch, sgd, bean, seconds / 2);
                long process = PROCESS.getProcessCpuTime();
                long[] r = run(network, data, batch, sgd, bean, seconds);
                process = PROCESS.getProcessCpuTime() - process;
                double usPerSample = r[0] / 1e3 / r[1];
                System.out.printf("batch %d: %d samples, %.0f us CPU a sample, %.0f samples per CPU second"
                        + " (whole process: %.0f us CPU a sample)%n",
                        batch, r[1], usPerSample, 1e6 / usPerSample, process / 1e3 / r[1]);
                if (Boolean.getBoolean("profile")) {
                    profile(network, data, batch, bean, seconds);
                }
            }
        }
    }

    /** Per layer, forward and backward, CPU microseconds a sample (reads the network's fields). */
    @SuppressWarnings("unchecked")
    private static void profile(LeanNetwork network, TensorData data, int batch, ThreadMXBean bean, double seconds) {
        try {
            java.lang.reflect.Field lf = LeanNetwork.class.getDeclaredField("layers");
            java.lang.reflect.Field af = LeanNetwork.class.getDeclaredField("acts");
            java.lang.reflect.Field df = LeanNetwork.class.getDeclaredField("dActs");
            lf.setAccessible(true);
            af.setAccessible(true);
            df.setAccessible(true);
            List<Layer> layers = (List<Layer>) lf.get(network);
            float[][] acts = (float[][]) af.get(network);
            float[][] dActs = (float[][]) df.get(network);
            long[] fwd = new long[layers.size()];
            long[] bwd = new long[layers.size()];
            float[] params = network.parameters();
            float[] grads = network.gradients();
            long samples = 0;
            long end = bean.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
            java.util.Random random = new java.util.Random(2);
            while (bean.getCurrentThreadCpuTime() < end) {
                network.load(data, null, 0, batch);
                for (int i = 0; i < layers.size(); i++) {
                    long t0 = bean.getCurrentThreadCpuTime();
                    layers.get(i).forward(params, acts[i], acts[i + 1], batch);
                    fwd[i] += bean.getCurrentThreadCpuTime() - t0;
                }
                float[] top = dActs[layers.size()];
                for (int j = 0; j < batch * 2; j++) {
                    top[j] = random.nextFloat() - 0.5f;
                }
                for (int i = layers.size() - 1; i >= 0; i--) {
                    long t0 = bean.getCurrentThreadCpuTime();
                    layers.get(i).backward(params, acts[i], acts[i + 1], dActs[i + 1], i == 0 ? null : dActs[i],
                            grads, batch);
                    bwd[i] += bean.getCurrentThreadCpuTime() - t0;
                }
                samples += batch;
            }
            for (int i = 0; i < layers.size(); i++) {
                System.out.printf("  %-16s forward %6.1f backward %6.1f us a sample%n",
                        layers.get(i).getClass().getSimpleName(), fwd[i] / 1e3 / samples, bwd[i] / 1e3 / samples);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long[] run(LeanNetwork network, TensorData data, int batch, Optimizer sgd, ThreadMXBean bean,
            double seconds) {
        long start = bean.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        long samples = 0;
        int from = 0;
        long t = 0;
        long now = start;
        while (now < end) {
            if (from + batch > data.count()) {
                from = 0;
            }
            network.load(data, null, from, batch);
            network.lossAndGradient(batch);
            sgd.update(network.parameters(), network.gradients(), 0.01, ++t);
            from += batch;
            samples += batch;
            now = bean.getCurrentThreadCpuTime();
        }
        return new long[] {now - start, samples};
    }
}
