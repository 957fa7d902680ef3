package org.batchscope.analyzer.sweep;

import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingJob;

/** Test-only engine that fails every run after one step, to test that failures are recorded, not fatal. */
final class ThrowingTestEngine implements TrainingEngine {

    @Override
    public String name() {
        return "throwing-test-engine";
    }

    @Override
    public boolean supports(ModelArchitecture model) {
        return true;
    }

    @Override
    public RunOutcome train(TrainingJob job, RunRecorder recorder) {
        recorder.onStep(0, 0, 0.7, 0.5, job.config().optimizer().learningRate());
        throw new IllegalStateException("test engine always fails");
    }
}
