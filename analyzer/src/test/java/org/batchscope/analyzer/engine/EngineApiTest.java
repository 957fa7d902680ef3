package org.batchscope.analyzer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineApiTest {

    @Test
    void cnnLayoutCountsEveryParameter() {
        var cnn = new ModelArchitecture.SmallCnn(3, 64, 64, List.of(16, 32), List.of(64), 2);
        ParameterLayout layout = ParameterLayout.of(cnn);
        // conv0 16*3*9+16 = 448; conv1 32*16*9+32 = 4640; flatten 32*16*16 = 8192;
        // dense0 8192*64+64 = 524352; dense1 64*2+2 = 130; total 529570
        assertThat(cnn.flattenedSize()).isEqualTo(8192);
        assertThat(layout.size()).isEqualTo(529_570);
        assertThat(layout.tensors()).extracting(ParameterLayout.Tensor::name)
                .containsExactly("conv0.W", "conv0.b", "conv1.W", "conv1.b", "dense0.W", "dense0.b", "dense1.W", "dense1.b");
    }

    @Test
    void initialisationIsSeededAndFollowsTheRule() {
        var mlp = new ModelArchitecture.Mlp(64, List.of(64), 2);
        ParameterLayout layout = ParameterLayout.of(mlp);
        float[] a = ParameterInitializer.initialize(layout, Initialization.XAVIER, 7);
        float[] b = ParameterInitializer.initialize(layout, Initialization.XAVIER, 7);
        float[] c = ParameterInitializer.initialize(layout, Initialization.XAVIER, 8);
        assertThat(a).containsExactly(b);
        assertThat(Arrays.equals(a, c)).isFalse();
        double limit = Math.sqrt(6.0 / (64 + 64));
        for (int i = 0; i < 64 * 64; i++) {
            assertThat(Math.abs(a[i])).isLessThanOrEqualTo((float) limit);
        }
        // biases are zero
        assertThat(Arrays.copyOfRange(a, 64 * 64, 64 * 64 + 64)).containsOnly(0f);
    }

    @Test
    void heInitialisationHasTheRightVariance() {
        var mlp = new ModelArchitecture.Mlp(200, List.of(500), 2);
        float[] p = ParameterInitializer.initialize(ParameterLayout.of(mlp), Initialization.HE, 1);
        double sumSq = 0;
        for (int i = 0; i < 200 * 500; i++) {
            sumSq += p[i] * p[i];
        }
        // variance 2/200 = 0.01; the estimate over 100,000 draws has relative std sqrt(2/1e5) = 0.45%,
        // so a 3% tolerance is 6.7 sigma: false-failure rate below 1e-10
        assertThat(sumSq / (200 * 500)).isCloseTo(0.01, within(0.0003));
    }

    @Test
    void batchOrderIsAPermutationFixedBySeedAndEpoch() {
        int[] e0 = BatchPlan.epochOrder(5, 0, 100);
        assertThat(e0).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 100).toArray());
        assertThat(BatchPlan.epochOrder(5, 0, 100)).containsExactly(e0);
        assertThat(Arrays.equals(e0, BatchPlan.epochOrder(5, 1, 100))).isFalse();
        assertThat(TrainingSchedule.stepsPerEpoch(100, 32)).isEqualTo(4);
        assertThat(Budget.epochs(3).totalSteps(100, 32)).isEqualTo(12);
    }

    @Test
    void scheduleFormulas() {
        assertThat(LrSchedule.constant().rate(0.1, 50, 100)).isEqualTo(0.1);
        var step = new LrSchedule(LrSchedule.Kind.STEP, 0, 10, 0.5);
        assertThat(step.rate(0.1, 25, 100)).isCloseTo(0.025, within(1e-15));
        var cosine = new LrSchedule(LrSchedule.Kind.COSINE, 4, 1, 1.0);
        assertThat(cosine.rate(0.1, 50, 100)).isCloseTo(0.05, within(1e-15));
        // warm-up: step 1 of 4 -> (1 + 1) / 4 of cos(pi / 100) scaled rate
        assertThat(cosine.rate(0.1, 1, 100)).isCloseTo(0.1 * 0.5 * (1 + Math.cos(Math.PI / 100)) * 0.5, within(1e-15));
    }

    @Test
    void aUserModelIsIdentifiedByItsContentSoAnEditedFileIsANewConfig(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("model.json");
        java.nio.file.Files.writeString(file, "{\"a\":1}");
        var before = new ModelArchitecture.UserDl4jModel(file.toString(), new int[] {4}, 2);
        java.nio.file.Files.writeString(file, "{\"a\":2}");
        var after = new ModelArchitecture.UserDl4jModel(file.toString(), new int[] {4}, 2);
        assertThat(before.sha256()).isEqualTo(org.batchscope.common.Sha256.of("{\"a\":1}"));
        assertThat(new String(org.batchscope.common.Json.toBytes(before), java.nio.charset.StandardCharsets.UTF_8))
                .contains(before.sha256());
        assertThat(after.sha256()).isNotEqualTo(before.sha256());
    }
}
