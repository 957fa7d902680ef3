package org.batchscope.generator.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.batchscope.generator.spec.ImageSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InMemoryImagesTest {

    /** Label noise so that some recorded labels differ from the eyes' class; three classes. */
    private static final ImageSpec SPEC = ImageSpec.defaults().with(Map.of("ratio", 3.0, "size", 24, "train", 30,
            "val", 0, "test", 0, "seed", 5, "label_noise", 0.3, "classes", List.of("blue", "amber", "green")));

    @TempDir
    Path dir;

    @Test
    void pixelsAndLabelsAreThoseOfTheWrittenPngs() throws IOException {
        new ImageDatasetWriter(SPEC, 2, (s, d, t) -> { }).write(dir, false);
        InMemoryImages images = new InMemoryImages(SPEC);
        int n = 30;
        byte[] pixels = new byte[n * images.imageBytes()];
        int[] labels = new int[n];
        // two calls on disjoint ranges, the second into its own arrays: ranges do not depend on each other
        images.fill(Split.TRAIN, 0, 11, pixels, labels);
        byte[] rest = new byte[(n - 11) * images.imageBytes()];
        int[] restLabels = new int[n - 11];
        images.fill(Split.TRAIN, 11, n, rest, restLabels);
        System.arraycopy(rest, 0, pixels, 11 * images.imageBytes(), rest.length);
        System.arraycopy(restLabels, 0, labels, 11, restLabels.length);

        int checked = 0;
        for (int k = 0; k < SPEC.classes().size(); k++) {
            try (Stream<Path> files = Files.list(dir.resolve("train").resolve(SPEC.classes().get(k)))) {
                for (Path png : files.toList()) {
                    int i = Integer.parseInt(png.getFileName().toString().replace(".png", ""));
                    assertThat(labels[i]).as("label of %s", png).isEqualTo(k);
                    assertThat(slice(pixels, i, images.imageBytes())).as("pixels of %s", png).isEqualTo(rgb(png));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(n);
        long flipped = Files.readAllLines(dir.resolve("train/metadata.csv")).stream().skip(1)
                .filter(row -> row.split(",")[4].equals("true")).count();
        assertThat(flipped).as("the spec flips some labels, so the label check covers them").isPositive();
    }

    private static byte[] slice(byte[] all, int index, int length) {
        byte[] one = new byte[length];
        System.arraycopy(all, index * length, one, 0, length);
        return one;
    }

    /** @return the PNG's pixels as row-major RGB bytes, decoded by the JDK's ImageIO */
    private static byte[] rgb(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int p = 3 * (y * w + x);
                out[p] = (byte) (argb >> 16);
                out[p + 1] = (byte) (argb >> 8);
                out[p + 2] = (byte) argb;
            }
        }
        return out;
    }
}
