package org.batchscope.analyzer.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.RandomStreams;

/** Seeded data, configurations and a keep-everything recorder for engine tests in any package. */
public final class EngineFixtures {

    private EngineFixtures() {
    }

    /**
     * Learnable samples: features uniform in [0, 1), plus 0.5 on the features j with
     * {@code j mod classes == label}; labels uniform over the classes.
     */
    public static TensorData data(int n, int[] shape, int classes, long seed) {
        UniformRandomProvider rng = RandomStreams.stream(seed, 99);
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        float[] x = new float[n * size];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
            for (int j = 0; j < size; j++) {
                x[i * size + j] = rng.nextFloat() + (j % classes == y[i] ? 0.5f : 0f);
            }
        }
        return new TensorData(x, y, shape, classes);
    }

    /** @return a run of {@code steps} steps with a constant rate, Xavier start, no extra evaluations or probes */
    public static RunConfig config(ModelArchitecture model, OptimizerSpec optimizer, int batchSize, long steps,
            long seed) {
        return new RunConfig(model, optimizer, LrSchedule.constant(), batchSize, Budget.steps(steps), seed,
                Initialization.XAVIER, 0, 0, 0);
    }

    /** A recorder that keeps everything. */
    public static final class Recording implements RunRecorder {
        public final List<Long> epochs = new ArrayList<>();
        public final List<Double> losses = new ArrayList<>();
        public final List<Double> accuracies = new ArrayList<>();
        public final List<Double> rates = new ArrayList<>();
        public final List<Evaluation> evaluations = new ArrayList<>();
        public final List<GradientProbe> probes = new ArrayList<>();

        @Override
        public void onStep(long step, long epoch, double loss, double accuracy, double learningRate) {
            epochs.add(epoch);
            losses.add(loss);
            accuracies.add(accuracy);
            rates.add(learningRate);
        }

        @Override
        public void onEvaluation(Evaluation evaluation) {
            evaluations.add(evaluation);
        }

        @Override
        public void onGradientProbe(GradientProbe probe) {
            probes.add(probe);
        }
    }
}
