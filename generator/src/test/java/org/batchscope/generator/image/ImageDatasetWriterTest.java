package org.batchscope.generator.image;

import org.batchscope.generator.spec.ImageSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.batchscope.common.Sha256;
import org.batchscope.generator.output.DatasetFolder;
import org.batchscope.generator.output.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDatasetWriterTest {

    private static final ImageSpec SMALL = ImageSpec.defaults().with(Map.of("ratio", 3.0, "size", 24, "train", 70,
            "val", 5, "test", 6, "seed", 11, "label_noise", 0.2));

    @TempDir
    Path dir;

    @Test
    void outputIsByteIdenticalAtOneAndFourThreads() throws IOException {
        ImageDatasetWriter.Result one = new ImageDatasetWriter(SMALL, 1, (s, d, t) -> { }).write(dir.resolve("one"), false);
        ImageDatasetWriter.Result four = new ImageDatasetWriter(SMALL, 4, (s, d, t) -> { }).write(dir.resolve("four"), false);
        assertThat(Files.readAllBytes(four.manifest())).isEqualTo(Files.readAllBytes(one.manifest()));
        assertThat(Manifest.hashFiles(dir.resolve("four"))).isEqualTo(Manifest.hashFiles(dir.resolve("one")));
        JsonNode manifest = Json.mapper().readTree(one.manifest().toFile());
        assertThat(Json.mapper().convertValue(manifest.get("files"), new TypeReference<Map<String, String>>() { }))
                .as("hashes recorded while writing = hashes read back").isEqualTo(Manifest.hashFiles(dir.resolve("one")));
        assertThat(manifest.get("counts").toString()).isEqualTo("{\"test\":6,\"test-only-background\":6,"
                + "\"test-only-foreground\":6,\"test-swap-background\":6,\"test-swap-feature\":6,\"train\":70,\"val\":5}");
        assertThat(manifest.get("files").size()).isEqualTo(70 + 5 + 6 * 5 + 6 * 2 + 7 + 1);
        assertThat(manifest.get("achieved_ratio").get("mean").asDouble()).isBetween(2.7, 3.3);
        assertThat(manifest.get("rng").asText()).isEqualTo("XO_RO_SHI_RO_128_PP");
    }

    /** Pinned: changes only when the generator's output changes on purpose (then update with care). */
    @Test
    void fixedSeedChecksums() {
        ImageSpec spec = SMALL.with(Map.of("train", 4, "val", 0, "test", 2));
        new ImageDatasetWriter(spec, 2, (s, d, t) -> { }).write(dir, false);
        Map<String, String> files = Manifest.hashFiles(dir);
        files.remove(ImageDatasetWriter.PREVIEW);
        assertThat(Manifest.contentSha256(files)).isEqualTo("eaf07746fa80e8098e014b0da44837406a3ae4c89668ad60ed2e0744dc344561");
    }

    /**
     * Pinned against the code before the images speed branch (commit cf49f74): its
     * {@code batchscope generate images} wrote these two datasets (a 64-pixel one without pixel noise, a
     * 32-pixel one with Gaussian and salt-and-pepper noise, label noise and rho) and their manifests'
     * {@code content_sha256} are the values below. The drawing and the metadata formatting were rewritten
     * for speed since; every byte (PNGs, masks, counterfactuals, metadata.csv, preview) must stay the same.
     */
    @Test
    void largerDatasetsAreByteIdenticalToThoseOfTheCodeBeforeTheSpeedWork() throws IOException {
        Map<String, String> expected = Map.of(
                "plain", "6dc53befa75da37ac5c071aee189ae44f2fc76c6dc6a1e3e4a3759ec6e5007ef",
                "noisy", "a3e06282571f92dc295c7b35a06709385d93fcb9fe21c94bf576103482ed2234");
        ImageSpec plain = ImageSpec.defaults().with(Map.of("size", 64, "ratio", 3.0, "train", 1500, "val", 100,
                "test", 100, "seed", 5));
        ImageSpec noisy = ImageSpec.defaults().with(Map.of("size", 32, "ratio", 0.3, "gaussian_noise", 4.0,
                "salt_pepper", 0.02, "classes", List.of("blue", "amber", "green"), "train", 400, "val", 0, "test", 100,
                "seed", 9, "label_noise", 0.1)).with(Map.of("rho", 0.5));
        for (Map.Entry<String, ImageSpec> spec : Map.of("plain", plain, "noisy", noisy).entrySet()) {
            ImageDatasetWriter.Result result = new ImageDatasetWriter(spec.getValue(), 2, (s, d, t) -> { })
                    .write(dir.resolve(spec.getKey()), false);
            assertThat(Json.mapper().readTree(result.manifest().toFile()).get("content_sha256").asText())
                    .as(spec.getKey()).isEqualTo(expected.get(spec.getKey()));
        }
    }

    @Test
    void sampleIDoesNotDependOnTheNumberOfSamples() {
        new ImageDatasetWriter(SMALL.with(Map.of("train", 10, "val", 0, "test", 0)), 2, (s, d, t) -> { })
                .write(dir.resolve("ten"), false);
        new ImageDatasetWriter(SMALL.with(Map.of("train", 20, "val", 0, "test", 0)), 3, (s, d, t) -> { })
                .write(dir.resolve("twenty"), false);
        Map<String, String> ten = Manifest.hashFiles(dir.resolve("ten"));
        Map<String, String> twenty = Manifest.hashFiles(dir.resolve("twenty"));
        ten.keySet().stream().filter(path -> path.endsWith(".png") && path.startsWith("train/"))
                .forEach(path -> assertThat(twenty.get(path)).as(path).isEqualTo(ten.get(path)));
        List<String> tenRows = lines(dir.resolve("ten/train/metadata.csv"));
        assertThat(lines(dir.resolve("twenty/train/metadata.csv")).subList(0, 11)).isEqualTo(tenRows);
        assertThat(tenRows).hasSize(11);
        assertThat(tenRows.get(0)).startsWith("id,path,label,original_label,flipped,background,achieved_ratio");
    }

    @Test
    void counterfactualsDifferFromTheirOriginalOnlyInsideTheirMask() throws IOException {
        ImageSpec spec = SMALL.with(Map.of("train", 0, "val", 0, "test", 8, "gaussian_noise", 3.0));
        new ImageDatasetWriter(spec, 2, (s, d, t) -> { }).write(dir, false);
        List<String> rows = lines(dir.resolve("test/metadata.csv"));
        for (Variant variant : ImageDatasetWriter.COUNTERFACTUALS) {
            List<String> cfRows = lines(dir.resolve(variant.folder(Split.TEST)).resolve("metadata.csv"));
            assertThat(cfRows).hasSize(rows.size());
            for (int r = 1; r < rows.size(); r++) {
                String[] row = rows.get(r).split(",");
                String[] cf = cfRows.get(r).split(",");
                assertThat(cf[3]).isEqualTo(row[1]);
                int[] original = pixels(dir.resolve(row[1]));
                int[] changed = pixels(dir.resolve(cf[1]));
                int[] mask = pixels(dir.resolve("masks").resolve(variant == Variant.SWAP_FEATURE ? "feature" : "foreground")
                        .resolve(row[0] + ".png"));
                boolean inside = variant == Variant.SWAP_FEATURE || variant == Variant.ONLY_BACKGROUND;
                int differing = 0;
                for (int p = 0; p < original.length; p++) {
                    boolean inMask = (mask[p] & 0xFF) == 255;
                    if (original[p] != changed[p]) {
                        differing++;
                        assertThat(inMask).as("%s %s pixel %d", variant, row[0], p).isEqualTo(inside);
                    }
                }
                assertThat(differing).as("%s %s changes something", variant, row[0]).isPositive();
                if (variant == Variant.SWAP_FEATURE) {
                    assertThat(cf[2]).isNotEqualTo(row[2]);
                }
            }
        }
    }

    @Test
    void refusesAForeignFolderAndRedoesAnUnfinishedOne() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        ImageSpec spec = SMALL.with(Map.of("train", 3, "val", 0, "test", 0));
        assertThatThrownBy(() -> new ImageDatasetWriter(spec, 1, (s, d, t) -> { }).write(dir, false))
                .isInstanceOf(BadInputException.class).hasMessageContaining("files that batchscope did not write");
        assertThat(Files.list(dir).count()).isEqualTo(1);
        Path out = dir.resolve("data");
        ImageDatasetWriter.Result first = new ImageDatasetWriter(spec, 1, (s, d, t) -> { }).write(out, false);
        byte[] manifest = Files.readAllBytes(first.manifest());
        Files.delete(first.manifest());
        Files.delete(out.resolve("train/metadata.csv"));
        Files.writeString(out.resolve(DatasetFolder.IN_PROGRESS), Manifest.specSha256(spec) + "\n");
        ImageDatasetWriter.Result again = new ImageDatasetWriter(spec, 2, (s, d, t) -> { }).write(out, false);
        assertThat(Files.readAllBytes(again.manifest())).isEqualTo(manifest);
        assertThat(Sha256.ofFile(again.preview())).isEqualTo(Sha256.ofFile(first.preview()));
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int[] pixels(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
