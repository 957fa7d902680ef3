package org.batchscope.analyzer.engine.dl4j;

import org.batchscope.analyzer.engine.EngineRun;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.SplitScores;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * One run of the {@code dl4j} engine under {@link org.batchscope.analyzer.engine.TrainingLoop}. A step fits
 * the minibatch with {@code MultiLayerNetwork.fit} (DL4J's updater applies the rate schedule itself, see
 * {@link LrScheduleAdapter}). The step's loss is DL4J's score of that fit (computed in the same forward
 * pass as the update, so before it) minus the regularisation penalty DL4J adds to it (the job's
 * {@code weightDecay / 2 * |w|^2}, and a user model's own terms; nothing to compute for layers without
 * regularisation); the accuracy comes from {@link MinibatchAccuracy}; gradient probes from
 * {@link TwoBatchGradientProbe}.
 */
final class Dl4jRun implements EngineRun {

    private final TrainingJob job;
    private final Dl4jTrainedModel model;
    private final MultiLayerNetwork network;
    private final MinibatchAccuracy accuracy;
    private final TwoBatchGradientProbe probe;

    Dl4jRun(TrainingJob job, TrainingSchedule schedule) {
        this.job = job;
        this.model = Dl4jNetworkFactory.create(job, schedule.totalSteps());
        this.network = model.network();
        this.accuracy = new MinibatchAccuracy(network);
        this.probe = job.config().probeEverySteps() > 0 ? new TwoBatchGradientProbe(network, job.probe()) : null;
    }

    @Override
    public double step(long step, int[] order, int from, int count, double learningRate) {
        Dl4jData.Batch batch = Dl4jData.gather(job.train(), order, from, from + count);
        double penalty = network.calcRegularizationScore(true);
        accuracy.expect(batch);
        network.fit(batch.set());
        return network.score() - penalty;
    }

    @Override
    public double stepAccuracy() {
        return accuracy.accuracy();
    }

    @Override
    public SplitScores evaluate(TensorData data) {
        return model.evaluate(data);
    }

    @Override
    public RunRecorder.GradientProbe probe(long stepsDone) {
        return probe.measure(stepsDone);
    }

    /** @return the trained network itself: the run ends with the loop, so nothing trains it further */
    @Override
    public TrainedModel model() {
        return model;
    }
}
