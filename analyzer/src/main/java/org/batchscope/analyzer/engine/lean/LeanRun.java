package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.EngineRun;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.SplitScores;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.analyzer.engine.TrainingSchedule;

/**
 * One run of the lean engine under {@link org.batchscope.analyzer.engine.TrainingLoop}. A step is a forward
 * and backward pass over the minibatch, then (for a finite loss) weight decay and the optimiser update
 * with the scheduled rate. Nothing in a step allocates. With two threads the forward and backward pass is
 * split over two fixed halves of the minibatch (see {@link #halvedStep}).
 */
final class LeanRun implements EngineRun {

    /** Evaluations run in chunks of at least this many samples, whatever the batch size. */
    static final int EVALUATION_CHUNK = 32;

    private final TrainingJob job;
    private final LeanNetwork network;
    private final HalfStepWorker helper;
    private final float[] params;
    private final float[] grads;
    private final Optimizer optimizer;
    private final WeightDecay decay;
    private final PerExampleGradientProbe probe;
    private double accuracy = Double.NaN;

    /** @param threads 1, or 2 for the two-thread mode (see {@link LeanEngine#THREADS_PER_RUN_PROPERTY}) */
    LeanRun(TrainingJob job, TrainingSchedule schedule, int threads) {
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("the lean engine runs with 1 or 2 threads per run, not " + threads);
        }
        this.job = job;
        RunConfig config = job.config();
        int batchSize = schedule.largestBatchSize();
        this.network = new LeanNetwork(config.model(), Math.max(batchSize, EVALUATION_CHUNK));
        this.params = network.parameters();
        float[] initial = job.initialParameters() != null ? job.initialParameters()
                : ParameterInitializer.initialize(network.layout(), config.init(), config.seed());
        if (initial.length != params.length) {
            network.close();
            throw new IllegalArgumentException("initialParameters has " + initial.length
                    + " floats; the model has " + params.length);
        }
        System.arraycopy(initial, 0, params, 0, params.length);
        this.helper = threads == 2 && batchSize > 1
                ? new HalfStepWorker(new LeanNetwork(config.model(), batchSize / 2, params), "lean-half-1")
                : null;
        this.grads = network.gradients();
        this.optimizer = Optimizer.of(config.optimizer(), params.length);
        this.decay = new WeightDecay(network.layout(), config.optimizer().weightDecay());
        this.probe = config.probeEverySteps() > 0 ? new PerExampleGradientProbe(network, job.probe(), batchSize)
                : null;
    }

    @Override
    public double step(long step, int[] order, int from, int count, double learningRate) {
        double loss;
        int correct;
        if (helper != null && count > 1) {
            loss = halvedStep(network, helper, job.train(), order, from, count);
            correct = network.correct() + helper.correct();
        } else {
            network.load(job.train(), order, from, count);
            loss = network.lossAndGradient(count);
            correct = network.correct();
        }
        accuracy = (double) correct / count;
        if (Double.isFinite(loss)) {
            decay.addTo(grads, params);
            optimizer.update(params, grads, learningRate, step + 1);
        }
        return loss;
    }

    @Override
    public double stepAccuracy() {
        return accuracy;
    }

    /**
     * The two-thread step: the first {@code ceil(count / 2)} samples of the minibatch on this thread, the
     * rest on the helper's replica, both with the loss gradient scaled by {@code 1 / count}, so that each
     * half's parameter gradient is its share of the gradient of the minibatch's mean loss; then the
     * helper's gradient is added onto this network's (half 0 + half 1, element by element: a fixed order).
     *
     * @return the minibatch's mean loss, (sum over half 0 + sum over half 1) / count
     */
    private static double halvedStep(LeanNetwork network, HalfStepWorker helper, TensorData train, int[] order,
            int from, int count) {
        int first = (count + 1) / 2;
        float scale = 1f / count;
        helper.start(train, order, from + first, count - first, scale);
        network.load(train, order, from, first);
        double sum0 = network.lossSumAndGradient(first, scale);
        double sum1 = helper.await();
        float[] grads = network.gradients();
        float[] other = helper.network().gradients();
        for (int i = 0; i < grads.length; i++) {
            grads[i] += other[i];
        }
        return (sum0 + sum1) / count;
    }

    @Override
    public SplitScores evaluate(TensorData data) {
        int[] predicted = new int[data.count()];
        double loss = network.evaluate(data, predicted) / data.count();
        return new SplitScores(loss, LeanModel.accuracy(predicted, data.labels()), predicted);
    }

    @Override
    public RunRecorder.GradientProbe probe(long stepsDone) {
        return probe.measure(stepsDone);
    }

    @Override
    public TrainedModel model() {
        return new LeanModel(job.config().model(), params.clone());
    }

    @Override
    public void close() {
        try (LeanNetwork closing = network) {
            if (helper != null) {
                helper.close();
            }
        }
    }
}
