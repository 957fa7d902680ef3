package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.batchscope.analyzer.data.NpyArray;
import org.batchscope.analyzer.data.NpyReader;
import org.batchscope.common.Json;
import org.batchscope.common.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --save-weights} against an outside reference. The datasets in
 * {@code src/test/resources/saved-weights/} (a 3-class table of 6 columns for an MLP 6-8-3, 2-class
 * 2x8x8 images for the small CNN; train and val splits) were drawn with fixed numpy seeds by
 * {@code src/test/python/saved_weights_reference.py}, which then read the weights folders that these
 * very commands ({@link #OPTIONS}) wrote, checked them with numpy (every header loads, dtypes and shapes
 * as weights.json says, the curvature samples are the training rows at the saved indices), rebuilt each
 * model in PyTorch 1.13 (float64) and computed the mean cross-entropy on the curvature samples and the
 * largest Hessian eigenvalue of it (ARPACK on double-backward Hessian-vector products; for the MLP also
 * from the full Hessian). {@code reference.json} holds those values with the SHA-256 of each file it read.
 *
 * <p>The test trains the same runs again and requires the same bytes (training is bit-reproducible, and
 * these models are small enough to run in Java loops, without OpenBLAS), so the reference belongs to what
 * it checks. Then the loss the engine wrote into weights.json must be within 1e-6 relative of PyTorch's
 * (a float32 forward pass over sums of at most 128 terms, its logits accurate to about ten float32 ulps,
 * 1e-6 relative; the cross-entropy itself is computed in double), and the run file's {@code hessian_max_eig}
 * within its own recorded Lanczos residual |H y - theta y| (Weyl's bound on a Ritz value's error for the
 * exact operator) plus 1e-6 relative for the float32 Hessian-vector products. Measured when the reference
 * was made: 2.6e-8 (CNN) and 2.7e-8 (MLP) relative for the loss, 3.6e-8 and 3.1e-8 for the eigenvalue.
 * The CNN's reference was made again (step 2 of the script) when the lean engine's first convolution became
 * a direct one, whose other summation order changes the trained weights' last bits.
 */
class SaveWeightsTest {

    private static final Path DATA = Path.of("src", "test", "resources", "saved-weights");

    /** The relative error float32 arithmetic allows these small models' loss and products (see above). */
    private static final double FLOAT32_RELATIVE = 1e-6;

    /** Each case's options after {@code analyze --data <case>/train_X.npy --out DIR} (one run each). */
    static final Map<String, List<String>> OPTIONS = Map.of(
            "mlp", List.of("--model", "mlp", "--hidden", "8", "--batch-sizes", "8", "--seeds", "1", "--epochs", "6",
                    "--lr", "0.1", "--sharpness-samples", "32", "--lanczos-iterations", "200",
                    "--lanczos-tolerance", "1e-5", "--probes-per-run", "2", "--threads", "1", "--no-report",
                    "--save-weights"),
            "cnn", List.of("--model", "cnn", "--batch-sizes", "8", "--seeds", "1", "--epochs", "4", "--lr", "0.05",
                    "--sharpness-samples", "24", "--lanczos-iterations", "200", "--lanczos-tolerance", "1e-5",
                    "--probes-per-run", "2", "--threads", "1", "--no-report", "--save-weights"));

    @TempDir
    Path dir;

    private static JsonNode reference(String name) throws IOException {
        return Json.mapper().readTree(DATA.resolve("reference.json").toFile()).path("cases").path(name);
    }

    private CliRunner.Result analyze(String name, Path out, List<String> options) {
        List<String> args = new ArrayList<>(List.of("analyze", "--data", DATA.resolve(name).resolve("train_X.npy")
                .toString(), "--out", out.toString()));
        args.addAll(options);
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** @return the one run's weights folder */
    private static Path weightsFolder(Path out) throws IOException {
        try (Stream<Path> folders = Files.list(out.resolve("weights"))) {
            List<Path> all = folders.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** @return SHA-256 of every .npy file of the folder by name */
    private static Map<String, String> npyHashes(Path folder) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".npy"))
                    .forEach(f -> hashes.put(f.getFileName().toString(), Sha256.ofFile(f)));
        }
        return hashes;
    }

    private static Map<String, String> referenceHashes(JsonNode ref) {
        Map<String, String> hashes = new TreeMap<>();
        ref.path("sha256").fields().forEachRemaining(e -> hashes.put(e.getKey(), e.getValue().asText()));
        return hashes;
    }

    private void checkAgainstPyTorch(String name) throws IOException {
        JsonNode ref = reference(name);
        Path out = dir.resolve(name);
        CliRunner.Result result = analyze(name, out, OPTIONS.get(name));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);

        Path folder = weightsFolder(out);
        String hash = folder.getFileName().toString();
        assertThat(hash).isEqualTo(ref.path("run").asText());
        assertThat(npyHashes(folder)).as("the files PyTorch read").isEqualTo(referenceHashes(ref));

        JsonNode weights = Json.mapper().readTree(folder.resolve("weights.json").toFile());
        JsonNode run = Json.mapper().readTree(out.resolve("runs").resolve(hash + ".json").toFile());
        assertThat(weights.path("config_hash").asText()).isEqualTo(hash);
        assertThat(weights.path("curvature").path("samples").asInt()).isEqualTo(ref.path("samples").asInt())
                .isEqualTo(run.path("sharpness").path("samples").asInt());
        double loss = ref.path("loss").asDouble();
        assertThat(weights.path("curvature").path("loss").asDouble()).as("loss")
                .isCloseTo(loss, within(FLOAT32_RELATIVE * loss));
        double top = ref.path("top_eigenvalue").asDouble();
        JsonNode sharpness = run.path("sharpness");
        assertThat(sharpness.path("converged").asBoolean()).as("Lanczos converged").isTrue();
        assertThat(run.path("metrics").path("hessian_max_eig").asDouble()).as("top Hessian eigenvalue")
                .isCloseTo(top, within(sharpness.path("residual").asDouble() + FLOAT32_RELATIVE * Math.abs(top)));
        assertThat(weights.path("curvature").path("hessian_max_eig").asDouble())
                .isEqualTo(run.path("sharpness").path("hessian_max_eig").asDouble());
    }

    @Test
    void mlpWeightsGiveThePyTorchLossAndTopEigenvalue() throws IOException {
        checkAgainstPyTorch("mlp");
    }

    @Test
    void cnnWeightsGiveThePyTorchLossAndTopEigenvalue() throws IOException {
        checkAgainstPyTorch("cnn");
    }

    /**
     * The dl4j engine saves its built-in models in the same layout (its parameters converted to the canonical
     * order, then to PyTorch's shapes): trained on the MLP case, every tensor lies within 1e-5 of the
     * tensor's largest |w| of the lean run's (the bytes PyTorch checked above), the same data and start; the
     * engines agree to float rounding (measured 1.1e-7 here after these 36 SGD steps; the engine
     * equivalence test finds up to 6.6e-7 relative in the MLP's losses over 100 steps), while a tensor in
     * the wrong order or orientation would differ by the weights' own size. Its loss on the curvature
     * samples is then within 1e-5 relative of PyTorch's on the lean weights (measured 2.3e-8). It measures
     * no curvature, so the eigenvalue is null.
     */
    @Test
    void dl4jSavesItsBuiltInModelsInTheSameLayout() throws IOException {
        Path lean = dir.resolve("lean");
        assertThat(analyze("mlp", lean, OPTIONS.get("mlp")).exitCode()).isEqualTo(ExitCodes.OK);
        Path dl4j = dir.resolve("dl4j");
        List<String> options = new ArrayList<>(OPTIONS.get("mlp"));
        options.addAll(List.of("--engine", "dl4j"));
        CliRunner.Result result = analyze("mlp", dl4j, options);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);

        Path leanFolder = weightsFolder(lean);
        Path dl4jFolder = weightsFolder(dl4j);
        JsonNode weights = Json.mapper().readTree(dl4jFolder.resolve("weights.json").toFile());
        assertThat(weights.path("engine").asText()).isEqualTo("dl4j");
        assertThat(weights.path("tensors")).isEqualTo(Json.mapper().readTree(leanFolder.resolve("weights.json")
                .toFile()).path("tensors"));
        for (JsonNode tensor : weights.path("tensors")) {
            NpyArray expected = NpyReader.read(leanFolder.resolve(tensor.path("file").asText()));
            NpyArray actual = NpyReader.read(dl4jFolder.resolve(tensor.path("file").asText()));
            assertThat(actual.shape()).isEqualTo(expected.shape());
            float[] e = expected.toFloats();
            float[] a = actual.toFloats();
            double largest = 0;
            for (float v : e) {
                largest = Math.max(largest, Math.abs(v));
            }
            for (int i = 0; i < e.length; i++) {
                assertThat((double) a[i]).as(tensor.path("name").asText() + "[" + i + "]")
                        .isCloseTo(e[i], within(1e-5 * largest));
            }
        }
        for (String samples : List.of("curvature-samples.npy", "curvature-x.npy", "curvature-y.npy")) {
            assertThat(dl4jFolder.resolve(samples)).hasSameBinaryContentAs(leanFolder.resolve(samples));
        }
        double loss = reference("mlp").path("loss").asDouble();
        assertThat(weights.path("curvature").path("loss").asDouble()).isCloseTo(loss, within(1e-5 * loss));
        assertThat(weights.path("curvature").path("hessian_max_eig").isNull()).isTrue();
    }

    @Test
    void aStoredRunWithoutWeightsIsTrainedAgainToTheSameBytes() throws IOException {
        JsonNode ref = reference("mlp");
        Path out = dir.resolve("reuse");
        List<String> withoutWeights = OPTIONS.get("mlp").stream().filter(o -> !o.equals("--save-weights")).toList();
        CliRunner.Result first = analyze("mlp", out, withoutWeights);
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(out.resolve("weights")).doesNotExist();

        String line = "runs/" + ref.path("run").asText() + ".json: its weights are not in weights/; training it"
                + " again to save them (--save-weights)";
        CliRunner.Result second = analyze("mlp", out, OPTIONS.get("mlp"));
        assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.OK);
        assertThat(second.err()).contains(line);
        Path folder = weightsFolder(out);
        assertThat(npyHashes(folder)).isEqualTo(referenceHashes(ref));

        // complete now: a rerun trains nothing
        byte[] runFile = Files.readAllBytes(out.resolve("runs").resolve(ref.path("run").asText() + ".json"));
        CliRunner.Result third = analyze("mlp", out, OPTIONS.get("mlp"));
        assertThat(third.err()).doesNotContain(line).contains("1 already done, 0 to run");
        assertThat(out.resolve("runs").resolve(ref.path("run").asText() + ".json")).hasBinaryContent(runFile);

        // a folder without weights.json (a sweep killed while saving) is not complete: saved again
        Files.delete(folder.resolve("weights.json"));
        CliRunner.Result fourth = analyze("mlp", out, OPTIONS.get("mlp"));
        assertThat(fourth.err()).contains(line);
        assertThat(folder.resolve("weights.json")).isRegularFile();
        assertThat(npyHashes(folder)).isEqualTo(referenceHashes(ref));
    }

    @Test
    void theSweepFileKeyIsTheOption() throws IOException {
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, "data: " + DATA.resolve("mlp").resolve("train_X.npy").toAbsolutePath() + "\n"
                + "out: results\nsave_weights: true\n");
        List<String> args = new ArrayList<>(List.of("analyze", "--sweep", sweep.toString()));
        args.addAll(OPTIONS.get("mlp").stream().filter(o -> !o.equals("--save-weights")).toList());
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(npyHashes(weightsFolder(dir.resolve("results")))).isEqualTo(referenceHashes(reference("mlp")));
    }

    @Test
    void sparkAndSaveWeightsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = dir.resolve("spark");
        CliRunner.Result result = analyze("mlp", out, List.of("--save-weights", "--executor", "spark"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: --save-weights must be used with --executor local (the runs of"
                + " --executor spark keep their models on the workers) (got --executor spark)" + System.lineSeparator());
        assertThat(out).doesNotExist();

        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, "save_weights: true\nexecutor: spark\n");
        CliRunner.Result fromFile = CliRunner.run("analyze", "--sweep", sweep.toString(), "--data",
                DATA.resolve("mlp").resolve("train_X.npy").toString(), "--out", out.toString());
        assertThat(fromFile.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(fromFile.err()).isEqualTo("error: " + sweep + ": save_weights must be used with --executor local"
                + " (the runs of --executor spark keep their models on the workers) (got --executor spark)"
                + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void aDl4jModelFileAndSaveWeightsAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{}");
        Path out = dir.resolve("dl4j");
        CliRunner.Result result = analyze("mlp", out, List.of("--save-weights", "--model", model.toString()));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).isEqualTo("error: --save-weights must be used with a built-in model (--model auto,"
                + " logreg, mlp or cnn); a DL4J model file's parameters have no documented layout (save the network"
                + " with DL4J's ModelSerializer instead) (got --model " + model + ")" + System.lineSeparator());
        assertThat(out).doesNotExist();
    }
}
