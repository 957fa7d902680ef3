package org.batchscope.analyzer.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

    @Test
    void namesAreUniqueAndEveryScalePlansValidArms() {
        List<String> names = Experiments.all().stream().map(Experiment::name).toList();
        assertThat(names).doesNotHaveDuplicates().contains("eye-colour", "lr-scaling", "large-batch-gap",
                "edge-of-stability", "gd-variants", "time-per-epoch");
        for (Experiment e : Experiments.all()) {
            for (Scale scale : Scale.values()) {
                List<Arm> arms = e.arms(scale, 2);
                assertThat(arms).as(e.name()).isNotEmpty();
                assertThat(arms.stream().map(Arm::name).distinct().count()).isEqualTo(arms.size());
            }
            assertThat(Experiments.named(e.name())).contains(e);
        }
        assertThat(Experiments.named("nope")).isEmpty();
    }

    @Test
    void eyeColourCrossesThreeRatiosWithTwoBackgroundTies() {
        List<Arm> arms = new EyeColourExperiment().arms(Scale.DEFAULT, 2);
        assertThat(arms).extracting(Arm::name).containsExactly("r0.3-rho0", "r3-rho0", "r30-rho0", "r0.3-rho0.9",
                "r3-rho0.9", "r30-rho0.9");
        assertThat(arms.get(4).dataset().fields()).containsEntry("rho", 0.9).containsEntry("ratio", 3.0);
        assertThat(arms.get(0).sweep().batchSizes()).hasSize(4);
    }
}
