package org.batchscope.analyzer.engine.dl4j;

import java.util.List;
import org.batchscope.analyzer.engine.EngineFixtures;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;

/**
 * Trains a user's DL4J configuration file for a few steps at one seed and prints every loss as the hex
 * of its bits, one per line: {@code java ... UserModelRun <model.json> <seed>}. Run in fresh JVMs by
 * {@link UserModelReproducibilityTest}, so that nothing a JVM keeps between runs can make them agree.
 */
public final class UserModelRun {

    private UserModelRun() {
    }

    public static void main(String[] args) {
        TensorData data = EngineFixtures.data(64, new int[] {20}, 3, 2);
        ModelArchitecture model = new ModelArchitecture.UserDl4jModel(args[0], new int[] {20}, 3);
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        new Dl4jEngine().train(new TrainingJob(EngineFixtures.config(model, OptimizerSpec.sgd(0.1), 8, 5,
                Long.parseLong(args[1])), data, data, null, null), recording);
        List<Double> losses = recording.losses;
        losses.forEach(loss -> System.out.println(Long.toHexString(Double.doubleToRawLongBits(loss))));
    }
}
