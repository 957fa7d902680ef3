package org.batchscope.analyzer.sweep;

import org.batchscope.analyzer.engine.EngineRun;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.SplitScores;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainedModel;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.analyzer.engine.TrainingSchedule;

/**
 * Test-only engine (not registered) whose runs fail at their second step, to test that failures are
 * recorded, not fatal.
 */
final class ThrowingTestEngine implements TrainingEngine {

    @Override
    public String name() {
        return "throwing-test-engine";
    }

    @Override
    public int rank() {
        return 0;
    }

    @Override
    public String version() {
        return "test";
    }

    @Override
    public boolean supports(ModelArchitecture model) {
        return true;
    }

    @Override
    public EngineRun start(TrainingJob job, TrainingSchedule schedule) {
        return new EngineRun() {
            @Override
            public double step(long step, int[] order, int from, int count, double learningRate) {
                if (step > 0) {
                    throw new IllegalStateException("test engine always fails");
                }
                return 0.7;
            }

            @Override
            public double stepAccuracy() {
                return 0.5;
            }

            @Override
            public SplitScores evaluate(TensorData data) {
                throw new IllegalStateException("test engine always fails");
            }

            @Override
            public RunRecorder.GradientProbe probe(long stepsDone) {
                throw new IllegalStateException("test engine always fails");
            }

            @Override
            public TrainedModel model() {
                throw new IllegalStateException("test engine always fails");
            }
        };
    }
}
