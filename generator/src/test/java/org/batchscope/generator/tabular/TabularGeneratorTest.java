package org.batchscope.generator.tabular;

import org.batchscope.generator.spec.TabularSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.common.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TabularGeneratorTest {

    private static final TabularGenerator.Progress QUIET = (split, done, total) -> { };

    @TempDir
    Path temp;

    private Path generate(String name, TabularSpec spec, int threads) {
        Path out = temp.resolve(name);
        TabularGenerator.generate(spec, out, false, threads, QUIET);
        return out;
    }

    private static TabularSpec spec(Map<String, ?> fields) {
        return TabularSpec.defaults().with(fields);
    }

    @Test
    void writesEverySplitWithAPandasReadableHeaderAndManifest() throws IOException {
        Path out = generate("d", spec(Map.of("train", 300, "val", 100, "test", 50)), 2);
        assertThat(out.resolve("train.csv")).exists();
        assertThat(out.resolve("test_y.npy")).exists();
        assertThat(out.resolve(".batchscope-in-progress")).doesNotExist();
        String header = Files.readAllLines(out.resolve("val.csv")).get(0);
        assertThat(header).isEqualTo("inf_0,inf_1,inf_2,inf_3,red_0,red_1,"
                + "factor0_0,factor0_1,factor0_2,factor0_3,factor0_4,factor0_5,factor0_6,factor0_7,"
                + "periodic1_0,periodic1_1,periodic1_2,periodic1_3,cluster2_0,cluster2_1,cluster2_2,cluster2_3,"
                + "drift3_0,drift3_1,categorical4_0,categorical4_1,categorical4_2,categorical4_3,"
                + "noise_0,noise_1,label");
        assertThat(Files.readAllLines(out.resolve("val.csv"))).hasSize(101);
        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("kind").asText()).isEqualTo("tabular");
        assertThat(manifest.get("counts").get("test").asLong()).isEqualTo(50);
        assertThat(manifest.get("roles").get("factor0_3").asText()).isEqualTo("noise:factor:0");
        assertThat(manifest.get("roles").get("inf_0").asText()).isEqualTo("informative");
        assertThat(manifest.get("rng").asText()).isEqualTo("XO_RO_SHI_RO_128_PP");
        assertThat(manifest.get("files").get("train.csv").asText())
                .isEqualTo(Sha256.ofFile(out.resolve("train.csv")));
        assertThat(manifest.get("spec").get("class_sep").asDouble()).isEqualTo(1.0);
    }

    @Test
    void npyFilesHoldTheCsvValuesAsFloat32AndInt32() throws IOException {
        Path out = generate("d", spec(Map.of("train", 200, "val", 0, "test", 0)), 1);
        CsvTable csv = CsvTable.read(out.resolve("train.csv"));
        byte[] x = Files.readAllBytes(out.resolve("train_X.npy"));
        String header = new String(x, 10, 118, StandardCharsets.US_ASCII);
        assertThat(new String(x, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(x[6]).isEqualTo((byte) 1);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (200, 30), }").endsWith("\n");
        ByteBuffer data = ByteBuffer.wrap(x, 128, x.length - 128).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(x.length).isEqualTo(128 + 200 * 30 * 4);
        for (int r = 0; r < 200; r++) {
            for (int j = 0; j < 30; j++) {
                assertThat((double) data.getFloat()).isEqualTo(csv.x()[r][j]);
            }
        }
        byte[] y = Files.readAllBytes(out.resolve("train_y.npy"));
        assertThat(new String(y, 10, 118, StandardCharsets.US_ASCII)).startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': (200,), }");
        ByteBuffer labels = ByteBuffer.wrap(y, 128, y.length - 128).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < 200; r++) {
            assertThat(labels.getInt()).isEqualTo(csv.y()[r]);
        }
    }

    @Test
    void fixedSeedGivesFixedChecksums() {
        Path out = generate("d", spec(Map.of("train", 500, "val", 100, "test", 100, "seed", 42, "flip_y", 0.1,
                "rho", 0.5)), 2);
        JsonNode files = readManifest(out).get("files");
        // reference values of this implementation; a change means the generated data changed
        assertThat(files.get("train.csv").asText()).isEqualTo("cd6f923d05ff5d86a2d7d51b322d8764888b3c414b62ec5048411656766ee96f");
        assertThat(files.get("train_X.npy").asText()).isEqualTo("5b370f6b92a9c893876a6e7bfea14f1cd1af2999aac514a16567af9aafcd8748");
    }

    @Test
    void bytesAreIdenticalAtOneAndFourThreads() {
        TabularSpec spec = spec(Map.of("train", 2500, "val", 300, "test", 0, "flip_y", 0.2, "rotate", true));
        JsonNode one = readManifest(generate("one", spec, 1));
        JsonNode four = readManifest(generate("four", spec, 4));
        assertThat(four.get("files")).isEqualTo(one.get("files"));
        assertThat(four.get("achieved_ratio")).isEqualTo(one.get("achieved_ratio"));
    }

    /** 150 rows end inside a flip block: the flips of a partial block do not depend on its length either. */
    @Test
    void rowIDoesNotDependOnTheNumberOfRows() throws IOException {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("val", 0, "test", 0, "flip_y", 0.3,
                "rho", 0.8, "anonymous", true));
        fields.put("train", 150);
        Path small = generate("small", spec(fields), 1);
        fields.put("train", 300);
        Path large = generate("large", spec(fields), 3);
        java.util.List<String> smallLines = Files.readAllLines(small.resolve("train.csv"));
        java.util.List<String> largeLines = Files.readAllLines(large.resolve("train.csv"));
        assertThat(largeLines.subList(0, 151)).isEqualTo(smallLines);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.01, 0.1, 0.25, 0.333, 0.5, 1.0})
    void flipsExactlyTheRequestedFractionOfLabels(double flip) {
        TabularSpec base = spec(Map.of("train", 2000, "val", 700, "test", 0, "n_classes", 3, "flip_y", 0.0));
        TabularSpec flipped = base.with(Map.of("flip_y", flip));
        Path clean = generate("clean", base, 2);
        Path noisy = generate("noisy", flipped, 2);
        for (String split : new String[] {"train", "val"}) {
            int[] y0 = readLabels(clean.resolve(split + ".csv"));
            int[] y1 = readLabels(noisy.resolve(split + ".csv"));
            long changed = 0;
            for (int r = 0; r < y0.length; r++) {
                changed += y0[r] != y1[r] ? 1 : 0;
            }
            assertThat(changed).as(split).isEqualTo(Math.round(flip * y0.length));
            assertThat(readManifest(noisy).get("flipped").get(split).asLong()).isEqualTo(changed);
        }
    }

    /**
     * The achieved r is a ratio of sample variances; at 20,000 rows its relative standard error is about
     * 1.5% here (dominated by the two factor latents and the cluster counts), so 5% is more than 3 sigma.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.3, 1, 3, 10, 30, 100})
    void achievedRatioIsWithinFivePercentOfTheRequest(double ratio) {
        Path out = generate("d", spec(Map.of("train", 20_000, "val", 0, "test", 0, "ratio", ratio,
                "formats", java.util.List.of("npy"))), 2);
        JsonNode manifest = readManifest(out);
        assertThat(manifest.get("achieved_ratio_by_split").get("train").asDouble()).isCloseTo(ratio, within(0.05 * ratio));
        assertThat(manifest.get("achieved_ratio").get("mean").asDouble()).isCloseTo(ratio, within(0.05 * ratio));
    }

    /**
     * Nearest-centroid accuracy on the test split (n = 2000, two balanced classes). Under no signal its
     * accuracy is Binomial(2000, 0.5)/2000, standard deviation 0.0112; the chance band of +-0.045 is four
     * standard deviations, a false-failure rate of about 6e-5 per check.
     */
    @Test
    void informativeColumnsPredictTheLabelAndNoiseColumnsDoNotWhenRhoIsZero() throws IOException {
        Path out = generate("d", spec(Map.of("train", 2000, "val", 0, "test", 2000, "n_clusters_per_class", 1,
                "ratio", 3.0)), 2);
        CsvTable train = CsvTable.read(out.resolve("train.csv"));
        CsvTable test = CsvTable.read(out.resolve("test.csv"));
        int[] informative = train.columns(name -> name.startsWith("inf_"));
        int[] noise = train.columns(name -> !name.startsWith("inf_") && !name.startsWith("red_"));
        assertThat(new NearestCentroid(train, informative, 2).accuracy(test)).isGreaterThan(0.75);
        assertThat(new NearestCentroid(train, noise, 2).accuracy(test)).isCloseTo(0.5, within(0.045));
    }

    /**
     * With rho = 0.9 in train the shortcut block predicts the train labels: fitted on the first half of
     * train and scored on the second (n = 1000), accuracy is far above the chance band (0.5 + 4 * 0.0158);
     * on the test split, where rho_eval = 0, it is back within the chance band.
     */
    @Test
    void shortcutBlockPredictsTheLabelInTrainOnly() throws IOException {
        Path out = generate("d", spec(Map.of("train", 2000, "val", 0, "test", 2000, "rho", 0.9)), 2);
        CsvTable train = CsvTable.read(out.resolve("train.csv"));
        CsvTable test = CsvTable.read(out.resolve("test.csv"));
        CsvTable first = new CsvTable(train.names(), Arrays.copyOfRange(train.x(), 0, 1000),
                Arrays.copyOfRange(train.y(), 0, 1000));
        CsvTable second = new CsvTable(train.names(), Arrays.copyOfRange(train.x(), 1000, 2000),
                Arrays.copyOfRange(train.y(), 1000, 2000));
        int[] shortcut = train.columns(name -> name.startsWith("factor0_"));
        NearestCentroid classifier = new NearestCentroid(first, shortcut, 2);
        assertThat(classifier.accuracy(second)).isGreaterThan(0.5 + 4 * 0.0158);
        assertThat(classifier.accuracy(test)).isCloseTo(0.5, within(0.045));
    }

    @Test
    void rotationKeepsTheTotalVarianceAndWritesTheMatrix() throws IOException {
        Path plain = generate("plain", spec(Map.of("train", 300, "val", 0, "test", 0)), 1);
        Path rotated = generate("rotated", spec(Map.of("train", 300, "val", 0, "test", 0, "rotate", true)), 1);
        assertThat(totalVariance(CsvTable.read(rotated.resolve("train.csv"))))
                .isCloseTo(totalVariance(CsvTable.read(plain.resolve("train.csv"))), within(1e-3));
        assertThat(rotated.resolve("rotation.npy")).exists();
        JsonNode manifest = readManifest(rotated);
        assertThat(manifest.get("roles").get("rot_0").asText()).isEqualTo("rotated");
        assertThat(manifest.get("latent_roles").get(0).asText()).isEqualTo("informative");
    }

    @Test
    void refusesAForeignFolderAndLeavesItAlone() throws IOException {
        Path out = temp.resolve("foreign");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> TabularGenerator.generate(TabularSpec.defaults(), out, false, 1, QUIET))
                .isInstanceOf(BadInputException.class).hasMessageContaining("files that batchscope did not write");
        assertThatThrownBy(() -> TabularGenerator.generate(TabularSpec.defaults(), out, true, 1, QUIET))
                .as("--overwrite never deletes what batchscope did not write")
                .isInstanceOf(BadInputException.class).hasMessageContaining("files that batchscope did not write");
        assertThat(Files.list(out).count()).isEqualTo(1);
        assertThatThrownBy(() -> TabularGenerator.generate(TabularSpec.defaults(), temp, false, 0, QUIET))
                .isInstanceOf(BadInputException.class).hasMessage("--threads must be an integer in [1, 256] (got 0)");
    }

    private static double totalVariance(CsvTable table) {
        double total = 0;
        int n = table.y().length;
        for (int j = 0; j < table.names().size(); j++) {
            double mean = 0;
            for (double[] row : table.x()) {
                mean += row[j] / n;
            }
            for (double[] row : table.x()) {
                total += (row[j] - mean) * (row[j] - mean) / (n - 1);
            }
        }
        return total;
    }

    private static int[] readLabels(Path csv) {
        try {
            return CsvTable.read(csv).y();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode readManifest(Path out) {
        try {
            return Json.mapper().readTree(out.resolve("manifest.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
