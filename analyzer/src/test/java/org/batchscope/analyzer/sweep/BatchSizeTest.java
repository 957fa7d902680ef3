package org.batchscope.analyzer.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.batchscope.analyzer.engine.Budget;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;

class BatchSizeTest {

    private static SweepSpec spec(List<BatchSize> batches) {
        return new SweepSpec("auto", null, batches, 1, 2, null, List.of(0.1), LrScaling.LINEAR, 32, Budget.Kind.EPOCHS,
                OptimizerSpec.Kind.SGD, 0.9, List.of(8), 4, null, 8, null, 64, 2, null);
    }

    @Test
    void parsesNumbersAndFullInAnyCase() throws java.io.IOException {
        assertThat(BatchSize.parse("32")).isEqualTo(BatchSize.of(32));
        assertThat(BatchSize.parse(" Full ")).isEqualTo(BatchSize.FULL);
        assertThat(BatchSize.FULL.resolve(120)).isEqualTo(120);
        assertThat(BatchSize.of(8).resolve(120)).isEqualTo(8);
        assertThatThrownBy(() -> BatchSize.parse("half")).isInstanceOf(BadInputException.class)
                .hasMessage("--batch-sizes must be positive integers or full (got half)");
        assertThatThrownBy(() -> BatchSize.parse("0")).isInstanceOf(BadInputException.class)
                .hasMessage("--batch-sizes must be positive integers or full (got 0)");
        assertThat(Json.mapper().readTree(Json.toBytes(List.of(BatchSize.of(4), BatchSize.FULL))))
                .isEqualTo(Json.mapper().readTree("[4, \"full\"]"));
        assertThat(Json.mapper().readValue("\"FULL\"", BatchSize.class)).isEqualTo(BatchSize.FULL);
    }

    @Test
    void fullResolvesToTheTrainingSetSizeAtPlanTime() {
        // the toy dataset has 100 training samples
        List<PlannedRun> runs = SweepPlan.plan(spec(List.of(BatchSize.FULL, BatchSize.of(4))),
                List.of(SweepPlanTest.dataset(null)));
        assertThat(runs).extracting(PlannedRun::batchSize).containsExactly(4, 100);
        assertThat(runs).extracting(PlannedRun::batchLabel).containsExactly("4", "full");
        // one step per epoch, linear scaling from the reference batch 32
        assertThat(runs.get(1).spec().run().budget().totalSteps(100, 100)).isEqualTo(2);
        assertThat(runs.get(1).spec().run().optimizer().learningRate()).isEqualTo(0.1 * 100 / 32);
        // full is the same run as a listed 100, and numeric sizes keep their hashes
        List<PlannedRun> numeric = SweepPlan.plan(spec(List.of(BatchSize.of(4), BatchSize.of(100))),
                List.of(SweepPlanTest.dataset(null)));
        assertThat(runs).extracting(PlannedRun::hash).containsExactlyElementsOf(numeric.stream().map(PlannedRun::hash).toList());
        assertThat(numeric).extracting(PlannedRun::batchLabel).containsExactly("4", "100");
        assertThatThrownBy(() -> SweepPlan.plan(spec(List.of(BatchSize.of(100), BatchSize.FULL)),
                List.of(SweepPlanTest.dataset(null)))).isInstanceOf(BadInputException.class)
                .hasMessage("--batch-sizes must be distinct values; full is the training-set size 100, which is also"
                        + " listed (got [100, full])");
    }
}
