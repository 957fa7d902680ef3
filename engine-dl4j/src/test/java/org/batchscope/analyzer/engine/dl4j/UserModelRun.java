package org.batchscope.analyzer.engine.dl4j;

import org.batchscope.analyzer.engine.EngineFixtures;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;

/**
 * Trains a user's DL4J configuration file for a few steps at each given seed, in the order given, and
 * prints one line per seed: the seed, then every loss as the hex of its bits:
 * {@code java ... UserModelRun <model.json> <seed> <seed> ...}. Run in fresh JVMs by
 * {@link UserModelReproducibilityTest}, so that nothing a JVM keeps between runs can make them agree.
 */
public final class UserModelRun {

    private UserModelRun() {
    }

    public static void main(String[] args) {
        TensorData data = EngineFixtures.data(64, new int[] {20}, 3, 2);
        ModelArchitecture model = new ModelArchitecture.UserDl4jModel(args[0], new int[] {20}, 3);
        for (int a = 1; a < args.length; a++) {
            EngineFixtures.Recording recording = new EngineFixtures.Recording();
            new Dl4jEngine().train(new TrainingJob(EngineFixtures.config(model, OptimizerSpec.sgd(0.1), 8, 5,
                    Long.parseLong(args[a])), data, data, null, null), recording);
            StringBuilder line = new StringBuilder(args[a]);
            for (double loss : recording.losses) {
                line.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(loss)));
            }
            System.out.println(line);
        }
    }
}
