package org.batchscope.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.batchscope.common.BadInputException;
import org.batchscope.common.files.ResultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The step arithmetic of a batch schedule, the milestones' text form and how both enter a run's hash. */
class TrainingScheduleTest {

    @TempDir
    Path dir;

    /** 40 samples, B = 8 doubled at epochs 1 and 2: epochs of 5, 3 (16, 16, 8) and 2 (32, 8) steps. */
    private static final TrainingSchedule DOUBLING = TrainingSchedule.of(40, 8, new EpochMilestones(2, List.of(1L, 2L)),
            Budget.epochs(3), 0, 0);

    @Test
    void epochsStartWhereThePreviousEpochsStepsAtTheirOwnBatchSizesEnd() {
        assertThat(LongStream.rangeClosed(0, 3).map(DOUBLING::firstStepOf).toArray()).containsExactly(0, 5, 8, 10);
        assertThat(DOUBLING.totalSteps()).isEqualTo(10);
        assertThat(DOUBLING.batchSize()).isEqualTo(8);
        assertThat(DOUBLING.largestBatchSize()).isEqualTo(32);
        assertThat(DOUBLING.stepsPerEpoch()).isEqualTo(5);
        assertThat(LongStream.range(0, 10).map(DOUBLING::epochOf).toArray()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 2, 2);
        assertThat(LongStream.range(0, 10).map(DOUBLING::firstSampleOf).toArray())
                .containsExactly(0, 8, 16, 24, 32, 0, 16, 32, 0, 32);
        assertThat(LongStream.range(0, 10).map(DOUBLING::samplesOf).toArray())
                .containsExactly(8, 8, 8, 8, 8, 16, 16, 8, 32, 8);
    }

    @Test
    void epochsSamplesAndEvaluationsCountEachEpochAtItsOwnBatchSize() {
        assertThat(DOUBLING.epochsAfter(5)).isEqualTo(1.0);
        assertThat(DOUBLING.epochsAfter(6)).isEqualTo(1 + 1.0 / 3);
        assertThat(DOUBLING.epochsAfter(9)).isEqualTo(2.5);
        assertThat(DOUBLING.epochsAfter(10)).isEqualTo(3.0);
        assertThat(DOUBLING.samplesSeen(6)).isEqualTo(56);
        assertThat(DOUBLING.samplesSeen(9)).isEqualTo(112);
        assertThat(DOUBLING.samplesSeen(10)).isEqualTo(120);
        assertThat(LongStream.rangeClosed(1, 10).filter(DOUBLING::evaluatesAfter).toArray()).containsExactly(5, 8, 10);
        TrainingSchedule everyFour = TrainingSchedule.of(40, 8, new EpochMilestones(2, List.of(1L, 2L)),
                Budget.epochs(3), 4, 3);
        assertThat(LongStream.rangeClosed(1, 10).filter(everyFour::evaluatesAfter).toArray()).containsExactly(4, 5, 8, 10);
        assertThat(LongStream.rangeClosed(1, 10).filter(everyFour::probesAfter).toArray()).containsExactly(3, 6, 9);
    }

    @Test
    void aStepBudgetRunsOnAtTheLastBatchSizeAndAGrownBatchStopsAtTheTrainingSet() {
        TrainingSchedule steps = TrainingSchedule.of(40, 8, new EpochMilestones(2, List.of(1L, 2L)), Budget.steps(13), 0, 0);
        assertThat(steps.totalSteps()).isEqualTo(13);
        // epoch 3 at B = 32: steps 10 (32) and 11 (8); step 12 opens epoch 4
        assertThat(steps.epochOf(11)).isEqualTo(3);
        assertThat(steps.samplesOf(11)).isEqualTo(8);
        assertThat(steps.epochOf(12)).isEqualTo(4);
        assertThat(steps.samplesOf(12)).isEqualTo(32);
        TrainingSchedule capped = TrainingSchedule.of(40, 16, new EpochMilestones(4, List.of(1L)), Budget.epochs(3), 0, 0);
        assertThat(capped.largestBatchSize()).isEqualTo(40);
        assertThat(capped.totalSteps()).isEqualTo(3 + 1 + 1);
        TrainingSchedule constant = TrainingSchedule.of(40, 16, EpochMilestones.NONE, Budget.epochs(2), 0, 0);
        assertThat(constant.totalSteps()).isEqualTo(Budget.epochs(2).totalSteps(40, 16));
    }

    @Test
    void milestonesAreReadFromTheirTextOrRefusedInOneLineNamingTheOption() {
        assertThat(EpochMilestones.parse("--batch-schedule", "5@10, 20")).isEqualTo(new EpochMilestones(5, List.of(10L, 20L)));
        assertThat(EpochMilestones.parse("--batch-schedule", "none")).isEqualTo(EpochMilestones.NONE);
        assertThat(new EpochMilestones(5, List.of(10L, 20L)).cliText()).isEqualTo("5@10,20");
        assertThat(new EpochMilestones(5, List.of(10L, 20L)).changesBy(9)).isZero();
        assertThat(new EpochMilestones(5, List.of(10L, 20L)).changesBy(20)).isEqualTo(2);
        for (String bad : List.of("", "2", "@3", "1@3", "2@0", "2@3,3", "2@5,4", "2.5@3", "2@3,", "x2@3", "2@1000001")) {
            assertThatThrownBy(() -> EpochMilestones.parse("--batch-schedule", bad)).as(bad)
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("--batch-schedule must be FACTOR@EPOCH[,EPOCH...] with an integer FACTOR >= 2 and"
                            + " increasing epochs in [1, 1000000] (e.g. 2@10,20), or none (got '" + bad + "')");
        }
    }

    @Test
    void aRunWithoutScheduleHashesAsBeforeAndAScheduleIsPartOfTheHash() throws IOException {
        RunConfig plain = EngineFixtures.config(new ModelArchitecture.LogisticRegression(4, 3), OptimizerSpec.sgd(0.1),
                8, 10, 1);
        String json = new String(ResultFiles.toBytes(plain), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("batch_schedule").doesNotContain("milestones");
        RunConfig scheduled = new RunConfig(plain.model(), plain.optimizer(), plain.schedule(), 8, plain.budget(), 1,
                plain.init(), 0, 0, 0, new EpochMilestones(2, List.of(3L)));
        String scheduledJson = new String(ResultFiles.toBytes(scheduled), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(scheduledJson).contains("\"batch_schedule\"").contains("\"factor\" : 2");
        assertThat(readBack(scheduled)).isEqualTo(scheduled);
        assertThat(readBack(plain)).isEqualTo(plain);
        RunConfig decayed = new RunConfig(plain.model(), plain.optimizer(),
                LrSchedule.milestones(0.2, List.of(30L, 60L)), 8, plain.budget(), 1, plain.init(), 0, 0, 0);
        assertThat(new String(ResultFiles.toBytes(decayed), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"milestones\" : [ 30, 60 ]");
        assertThat(decayed.schedule().rate(1.0, 29, 100)).isEqualTo(1.0);
        assertThat(decayed.schedule().rate(1.0, 30, 100)).isEqualTo(0.2);
        assertThat(decayed.schedule().rate(1.0, 60, 100)).isEqualTo(0.2 * 0.2);
    }

    private RunConfig readBack(RunConfig config) throws IOException {
        Path file = Files.write(dir.resolve("config.json"), ResultFiles.toBytes(config));
        return ResultFiles.read(file, ResultFiles.UNVERSIONED, new TypeReference<RunConfig>() { });
    }
}
