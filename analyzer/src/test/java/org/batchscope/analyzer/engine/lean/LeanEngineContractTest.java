package org.batchscope.analyzer.engine.lean;

import java.util.List;
import org.batchscope.analyzer.engine.TrainingEngineContract;

/** The engine contract over the engines the analyzer registers: the lean engine. */
class LeanEngineContractTest extends TrainingEngineContract {

    @Override
    protected List<String> expectedEngines() {
        return List.of(LeanEngine.NAME);
    }
}
