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
 * diverged at that step (the step is not recorded). Nothing in the step loop allocates.
 */
final class LeanRun {

    /** Evaluations run in chunks of at least this many samples, whatever the batch size. */
    static final int EVALUATION_CHUNK = 32;

    private final TrainingJob job;
    private final RunConfig config;
    private final RunRecorder recorder;

    LeanRun(TrainingJob job, RunRecorder recorder) {
        this.job = job;
        this.config = job.config();
        this.recorder = recorder;
    }

    RunOutcome run() {
        long start = System.nanoTime();
        TensorData train = job.train();
        int n = train.count();
        int batchSize = Math.min(config.batchSize(), n);
        try (LeanNetwork network = new LeanNetwork(config.model(), Math.max(batchSize, EVALUATION_CHUNK))) {
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
                    ? new PerExampleGradientProbe(network, job.probe()) : null;
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
                network.load(train, order, from, count);
                double loss = network.lossAndGradient(count);
                if (!Double.isFinite(loss)) {
                    return RunOutcome.diverged(step, seconds(start));
                }
                double lr = config.schedule().rate(baseLr, step, totalSteps);
                recorder.onStep(step, epoch, loss, (double) network.correct() / count, lr);
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
