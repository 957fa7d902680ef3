package org.batchscope.analyzer.engine.dl4j;

import java.util.List;
import org.batchscope.analyzer.engine.TrainingEngineContract;

/** The engine contract over every engine on this module's class path: lean (from the analyzer) and dl4j. */
class RegisteredEnginesContractTest extends TrainingEngineContract {

    @Override
    protected List<String> expectedEngines() {
        return List.of("lean", "dl4j");
    }
}
