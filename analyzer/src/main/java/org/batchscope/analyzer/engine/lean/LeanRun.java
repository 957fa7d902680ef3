package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.BatchPlan;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;

/**
 * The training loop of one run. Step t (0-based) of epoch e = t / stepsPerEpoch trains on slice
 * {@code t mod stepsPerEpoch} of {@link BatchPlan#epochOrder}: forward and backward pass, the step's loss
 * and accuracy to the recorder (before the update), weight decay, optimiser update with the scheduled
 * rate {@code schedule.rate(lr, t, totalSteps)}. After the update, with s = t + 1 steps done: a gradient
 * probe when {@code s} is a multiple of {@code probeEverySteps}; an evaluation when s ends an epoch, is a
 * multiple of {@code evalEverySteps}, or is the last step. A non-finite minibatch loss ends the run as
 * diverged at that step (the step is not recorded). Nothing in the step loop allocates. With two threads
 * the forward and backward pass is split over two fixed halves of the minibatch (see {@link #halvedStep}).
 */
final class LeanRun {

    /** Evaluations run in chunks of at least this many samples, whatever the batch size. */
    static final int EVALUATION_CHUNK = 32;

    private final TrainingJob job;
    private final RunConfig config;
    private final RunRecorder recorder;
    private final int threads;

    /** @param threads 1, or 2 for the two-thread mode (see {@link LeanEngine#THREADS_PER_RUN_PROPERTY}) */
    LeanRun(TrainingJob job, RunRecorder recorder, int threads) {
        if (threads != 1 && threads != 2) {
            throw new IllegalArgumentException("the lean engine runs with 1 or 2 threads per run, not " + threads);
        }
        this.job = job;
        this.config = job.config();
        this.recorder = recorder;
        this.threads = threads;
    }

    RunOutcome run() {
        long start = System.nanoTime();
        TensorData train = job.train();
        int n = train.count();
        int batchSize = Math.min(config.batchSize(), n);
        try (LeanNetwork network = new LeanNetwork(config.model(), Math.max(batchSize, EVALUATION_CHUNK));
                HalfStepWorker helper = threads == 2 && batchSize > 1
                        ? new HalfStepWorker(new LeanNetwork(config.model(), batchSize / 2, network.parameters()),
                                "lean-half-1")
                        : null) {
            float[] params = network.parameters();
            float[] initial = job.initialParameters() != null ? job.initialParameters()
                    : ParameterInitializer.initialize(network.layout(), config.init(), config.seed());
            if (initial.length != params.length) {
                throw new IllegalArgumentException("initialParameters has " + initial.length
                        + " floats; the model has " + params.length);
            }
            System.arraycopy(initial, 0, params, 0, params.length);
            float[] grads = network.gradients();
            Optimizer optimizer = Optimizer.of(config.optimizer(), params.length);
            WeightDecay decay = new WeightDecay(network.layout(), config.optimizer().weightDecay());
            PerExampleGradientProbe probe = config.probeEverySteps() > 0
                    ? new PerExampleGradientProbe(network, job.probe(), batchSize) : null;
            double baseLr = config.optimizer().learningRate();
            long stepsPerEpoch = BatchPlan.stepsPerEpoch(n, batchSize);
            long totalSteps = config.budget().totalSteps(n, batchSize);
            int[] order = new int[n];
            for (long step = 0; step < totalSteps; step++) {
                long epoch = step / stepsPerEpoch;
                int slice = (int) (step % stepsPerEpoch);
                if (slice == 0) {
                    BatchPlan.epochOrder(config.seed(), epoch, order);
                }
                int from = slice * batchSize;
                int count = Math.min(batchSize, n - from);
                double loss;
                int correct;
                if (helper != null && count > 1) {
                    loss = halvedStep(network, helper, train, order, from, count);
                    correct = network.correct() + helper.correct();
                } else {
                    network.load(train, order, from, count);
                    loss = network.lossAndGradient(count);
                    correct = network.correct();
                }
                if (!Double.isFinite(loss)) {
                    return RunOutcome.diverged(step, seconds(start));
                }
                double lr = config.schedule().rate(baseLr, step, totalSteps);
                recorder.onStep(step, epoch, loss, (double) correct / count, lr);
                decay.addTo(grads, params);
                optimizer.update(params, grads, lr, step + 1);
                long done = step + 1;
                if (probe != null && done % config.probeEverySteps() == 0) {
                    recorder.onGradientProbe(probe.measure(done));
                }
                if (done % stepsPerEpoch == 0 || done == totalSteps
                        || (config.evalEverySteps() > 0 && done % config.evalEverySteps() == 0)) {
                    evaluate(network, done, stepsPerEpoch);
                }
            }
            return RunOutcome.completed(totalSteps, seconds(start), new LeanModel(config.model(), params.clone()));
        }
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

    private void evaluate(LeanNetwork network, long done, long stepsPerEpoch) {
        TensorData train = job.train();
        TensorData validation = job.validation();
        int[] trainPredicted = new int[train.count()];
        double trainLoss = network.evaluate(train, trainPredicted) / train.count();
        int[] validationPredicted = new int[validation.count()];
        double validationLoss = network.evaluate(validation, validationPredicted) / validation.count();
        recorder.onEvaluation(new RunRecorder.Evaluation(done, (double) done / stepsPerEpoch, trainLoss,
                LeanModel.accuracy(trainPredicted, train.labels()), validationLoss,
                LeanModel.accuracy(validationPredicted, validation.labels()), validationPredicted));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
