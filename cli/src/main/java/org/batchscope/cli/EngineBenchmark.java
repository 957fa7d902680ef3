package org.batchscope.cli;

import java.util.List;
import java.util.Random;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.LrSchedule;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingJob;

/**
 * Times training steps of one engine on one benchmark model at one batch size, on random data with plain
 * SGD. The clock runs between consecutive {@code onStep} calls, leaving out intervals that contain an
 * evaluation (and each run's first step), so the figure is pure training steps whatever the engine's
 * evaluation cost. A short run estimates the rate, a run of about a second (at most half of
 * {@code seconds}) warms up the JIT and refines it, and a last run of about {@code seconds} gives the figure.
 */
final class EngineBenchmark {

    /** The benchmark models by name: {@code mlp} (64 inputs, hidden 64, 2 classes), {@code cnn} (3x64x64). */
    static ModelArchitecture model(String name) {
        return switch (name) {
            case "mlp" -> new ModelArchitecture.Mlp(64, List.of(64), 2);
            case "cnn" -> new ModelArchitecture.SmallCnn(3, 64, 64, List.of(16, 32), List.of(64), 2);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Floating-point operations of one sample's training step in the model's convolutions and dense
     * layers, 2 per multiply-add: the forward product, the weight gradient's, and the input gradient's for
     * every layer but the first (whose input needs none). A 3x3 convolution from c to c' channels on an
     * h x w image is {@code 2 c' 9 c h w} per product (zero padding counted as if it were data), a dense
     * layer from n to m features {@code 2 n m}; biases, ReLU, pooling, the loss and the update are left out.
     * The benchmark CNN: 38,535,936 (38.5 MFLOP), the MLP: 17,152.
     */
    static long trainingFlopsPerSample(ModelArchitecture model) {
        long flops = 0;
        boolean first = true;
        int features;
        List<Integer> hidden;
        if (model instanceof ModelArchitecture.SmallCnn cnn) {
            int channels = cnn.channels();
            int height = cnn.height();
            int width = cnn.width();
            for (int out : cnn.convChannels()) {
                flops += (first ? 2L : 3L) * 2L * out * 9 * channels * height * width;
                first = false;
                channels = out;
                height /= 2;
                width /= 2;
            }
            features = cnn.flattenedSize();
            hidden = cnn.dense();
        } else if (model instanceof ModelArchitecture.Mlp mlp) {
            features = mlp.inputs();
            hidden = mlp.hidden();
        } else {
            throw new IllegalArgumentException("no FLOP count for " + model);
        }
        List<Integer> widths = new java.util.ArrayList<>(hidden);
        widths.add(model.classes());
        for (int out : widths) {
            flops += (first ? 2L : 3L) * 2L * features * out;
            first = false;
            features = out;
        }
        return flops;
    }

    /** The figures of one configuration. */
    record Result(String model, int batchSize, String engine, double stepsPerSecond) {
        double samplesPerSecond() {
            return stepsPerSecond * batchSize;
        }

        /** @return billions of floating-point operations a second ({@link #trainingFlopsPerSample}) */
        double gigaflopsPerSecond() {
            return samplesPerSecond() * trainingFlopsPerSample(EngineBenchmark.model(model)) / 1e9;
        }
    }

    private EngineBenchmark() {
    }

    static Result measure(TrainingEngine engine, String modelName, int batchSize, double seconds) {
        ModelArchitecture model = model(modelName);
        TensorData train = randomData(model, modelName.equals("cnn") ? 256 : 4096, 1);
        TensorData validation = randomData(model, 8, 2);
        double estimate = run(engine, model, train, validation, batchSize, 20).stepsPerSecond();
        // warm-up (JIT) for about a second, or half the measured time if shorter
        estimate = run(engine, model, train, validation, batchSize,
                Math.max(20, (long) (estimate * Math.min(1, seconds / 2)))).stepsPerSecond();
        long steps = Math.max(20, (long) (estimate * seconds));
        return new Result(modelName, batchSize, engine.name(),
                run(engine, model, train, validation, batchSize, steps).stepsPerSecond());
    }

    private static StepClock run(TrainingEngine engine, ModelArchitecture model, TensorData train,
            TensorData validation, int batchSize, long steps) {
        RunConfig config = new RunConfig(model, OptimizerSpec.sgd(0.01), LrSchedule.constant(), batchSize,
                Budget.steps(steps), 1, Initialization.XAVIER, 0, 0, 0);
        StepClock clock = new StepClock();
        engine.train(new TrainingJob(config, train, validation, null, null), clock);
        return clock;
    }

    private static TensorData randomData(ModelArchitecture model, int n, long seed) {
        int[] shape = model.inputShape();
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        Random random = new Random(seed);
        float[] x = new float[n * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(model.classes());
        }
        return new TensorData(x, y, shape, model.classes());
    }

    /** Sums the time between consecutive steps, skipping intervals with an evaluation in them. */
    private static final class StepClock implements RunRecorder {
        private long last = -1;
        private long nanos;
        private long counted;

        @Override
        public void onStep(long step, long epoch, double loss, double accuracy, double learningRate) {
            long now = System.nanoTime();
            if (last >= 0) {
                nanos += now - last;
                counted++;
            }
            last = now;
        }

        @Override
        public void onEvaluation(Evaluation evaluation) {
            last = -1;
        }

        @Override
        public void onGradientProbe(GradientProbe probe) {
            last = -1;
        }

        double stepsPerSecond() {
            return counted == 0 ? Double.NaN : counted / (nanos / 1e9);
        }
    }
}
