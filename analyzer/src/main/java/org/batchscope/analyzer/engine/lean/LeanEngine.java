package org.batchscope.analyzer.engine.lean;

import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingJob;

/**
 * The {@code lean} engine: the built-in models (logistic regression, MLP, small CNN) in plain Java on
 * float arrays, with OpenBLAS matrix products for the convolutions. Stateless; each run builds its own
 * buffers, so runs on different threads never share mutable state.
 */
public final class LeanEngine implements TrainingEngine {

    /** The name users pick it by. */
    public static final String NAME = "lean";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(ModelArchitecture model) {
        return model instanceof ModelArchitecture.LogisticRegression || model instanceof ModelArchitecture.Mlp
                || model instanceof ModelArchitecture.SmallCnn;
    }

    @Override
    public RunOutcome train(TrainingJob job, RunRecorder recorder) {
        if (!supports(job.config().model())) {
            throw new IllegalArgumentException("the lean engine cannot train " + job.config().model());
        }
        return new LeanRun(job, recorder).run();
    }
}
