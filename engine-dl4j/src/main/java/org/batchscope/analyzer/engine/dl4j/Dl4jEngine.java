package org.batchscope.analyzer.engine.dl4j;

import java.util.Arrays;
import org.batchscope.analyzer.engine.BatchPlan;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.common.BadInputException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The {@code dl4j} engine: trains the built-in architectures and users' own DL4J models
 * ({@link ModelArchitecture.UserDl4jModel}) with Deeplearning4j.
 *
 * <p>Step t of epoch e fits the slice [pB, min(n, (p+1)B)) of {@code BatchPlan.epochOrder(seed, e)},
 * p = t mod ceil(n / B), with {@code MultiLayerNetwork.fit}. The recorded loss is DL4J's score of that
 * fit (computed in the same forward pass as the update, so before it) minus the regularisation
 * penalty DL4J adds to it (the job's {@code weightDecay / 2 * |w|^2}, and a user model's own terms;
 * nothing to compute for layers without regularisation); the accuracy comes from {@link MinibatchAccuracy}.
 * A non-finite loss ends the run as diverged at that step, which is not recorded. After each epoch,
 * every {@code evalEverySteps} steps when asked, and after the last step, the model is evaluated on the
 * training and validation sets; every {@code probeEverySteps} steps {@link TwoBatchGradientProbe}
 * measures the gradient noise scale.
 *
 * <p>Reproducibility: the start, the batches and the schedule depend only on the job; DL4J's random
 * numbers (dropout in user models) come from the run's seed; ND4J keeps its workspaces and random
 * generator per thread, and runs one thread per op ({@link Nd4jThreads}), so runs beside each other
 * do not interact.
 */
public final class Dl4jEngine implements TrainingEngine {

    @Override
    public String name() {
        return "dl4j";
    }

    /** @return true: every built-in architecture and any user DL4J model */
    @Override
    public boolean supports(ModelArchitecture model) {
        return model != null;
    }

    /** Reads a user's model file and runs it on one training sample; built-in models need no check. */
    @Override
    public void check(ModelArchitecture model, TensorData train) {
        if (model instanceof ModelArchitecture.UserDl4jModel user) {
            Nd4jThreads.useOneThreadPerOp();
            Dl4jNetworkFactory.checkUserModel(user, train);
        }
    }

    @Override
    public RunOutcome train(TrainingJob job, RunRecorder recorder) {
        long start = System.nanoTime();
        RunConfig config = job.config();
        Nd4jThreads.useOneThreadPerOp();
        requireMatchingData(config.model(), job.train(), "training");
        requireMatchingData(config.model(), job.validation(), "validation");
        int n = job.train().count();
        int batchSize = config.batchSize();
        long stepsPerEpoch = BatchPlan.stepsPerEpoch(n, batchSize);
        long totalSteps = config.budget().totalSteps(n, batchSize);
        Dl4jTrainedModel model = Dl4jNetworkFactory.create(job, totalSteps);
        MultiLayerNetwork network = model.network();
        MinibatchAccuracy accuracy = new MinibatchAccuracy(network);
        TwoBatchGradientProbe probe = config.probeEverySteps() > 0 ? new TwoBatchGradientProbe(network, job.probe())
                : null;
        int[] order = new int[n];
        for (long step = 0; step < totalSteps; step++) {
            long epoch = step / stepsPerEpoch;
            int position = (int) (step % stepsPerEpoch);
            if (position == 0) {
                BatchPlan.epochOrder(config.seed(), epoch, order);
            }
            int from = position * batchSize;
            Dl4jData.Batch batch = Dl4jData.gather(job.train(), order, from, Math.min(n, from + batchSize));
            double penalty = network.calcRegularizationScore(true);
            accuracy.expect(batch);
            network.fit(batch.set());
            double loss = network.score() - penalty;
            if (!Double.isFinite(loss)) {
                return RunOutcome.diverged(step, seconds(start));
            }
            recorder.onStep(step, epoch, loss, accuracy.accuracy(),
                    config.schedule().rate(config.optimizer().learningRate(), step, totalSteps));
            long done = step + 1;
            if (probe != null && done % config.probeEverySteps() == 0) {
                recorder.onGradientProbe(probe.measure(done));
            }
            boolean asked = config.evalEverySteps() > 0 && done % config.evalEverySteps() == 0;
            if (position == stepsPerEpoch - 1 || asked || done == totalSteps) {
                recorder.onEvaluation(evaluation(model, job, done, stepsPerEpoch));
            }
        }
        return RunOutcome.completed(totalSteps, seconds(start), model);
    }

    private static RunRecorder.Evaluation evaluation(Dl4jTrainedModel model, TrainingJob job, long done,
            long stepsPerEpoch) {
        Dl4jTrainedModel.Scores train = model.evaluate(job.train());
        Dl4jTrainedModel.Scores validation = model.evaluate(job.validation());
        return new RunRecorder.Evaluation(done, (double) done / stepsPerEpoch, train.loss(), train.accuracy(),
                validation.loss(), validation.accuracy(), validation.predictions());
    }

    private static void requireMatchingData(ModelArchitecture model, TensorData data, String split) {
        BadInputException.require(Arrays.equals(model.inputShape(), data.sampleShape()),
                split + " samples", "of shape " + Arrays.toString(model.inputShape()) + " for the model",
                Arrays.toString(data.sampleShape()));
        BadInputException.require(model.classes() == data.classes(), split + " classes",
                model.classes() + " for the model", data.classes());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
