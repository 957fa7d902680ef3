package org.batchscope.generator.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.batchscope.generator.spec.ImageSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ratio r of every written test image, recomputed from the files alone, for every ordered pair of eye
 * colours (the class and the colour its swap-feature counterfactual shows): decodes
 * {@code test/<class>/<id>.png}, {@code test-swap-feature/<swap class>/<id>.png} and
 * {@code masks/feature/<id>.png} with ImageIO and applies the definition of README.md "r and rho" with
 * its own arithmetic, sharing no code with {@link RatioCalibrator}. Every image must be within 10% of
 * the request (the generator's claim), at 16 and 64 pixels, r = 0.1, 0.3, 3, 30 and 100.
 */
class WrittenRatioTest {

    private static final double[] RATIOS = {0.1, 0.3, 3, 30, 100};
    private static final int IMAGES = 4;

    @TempDir
    Path dir;

    static Stream<Arguments> colourPairs() {
        List<Arguments> pairs = new ArrayList<>();
        EyeColour[] colours = EyeColour.values();
        for (int a = 0; a < colours.length; a++) {
            for (int b = a + 1; b < colours.length; b++) {
                pairs.add(Arguments.of(colours[a].cliName(), colours[b].cliName()));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("colourPairs")
    void everyWrittenImageIsWithinTenPercentOfTheRequest(String first, String second) throws IOException {
        for (int size : new int[] {16, 64}) {
            for (double ratio : RATIOS) {
                Path out = dir.resolve(size + "-" + ratio);
                ImageSpec spec = ImageSpec.defaults().with(Map.of("classes", List.of(first, second), "ratio", ratio,
                        "size", size, "train", 0, "val", 0, "test", IMAGES, "seed", (long) (ratio * 1000) + size));
                new ImageDatasetWriter(spec, 1, (s, d, t) -> { }).write(out, false);
                List<String> rows = Files.readAllLines(out.resolve("test-swap-feature/metadata.csv"));
                assertThat(rows).hasSize(IMAGES + 1);
                for (String row : rows.subList(1, rows.size())) {
                    String[] cells = row.split(",");
                    String id = cells[0];
                    double r = recompute(out.resolve(cells[3]), out.resolve(cells[1]),
                            out.resolve("masks/feature/" + id + ".png"));
                    assertThat(r / ratio).as("%s/%s, %d px, r %s, image %s", first, second, size, ratio, id)
                            .isBetween(0.9, 1.1);
                }
            }
        }
    }

    /** r = E_noise / E_feature from the PNG files (README.md "r and rho"). */
    private static double recompute(Path original, Path swapped, Path eyeMask) throws IOException {
        BufferedImage x = ImageIO.read(original.toFile());
        BufferedImage xSwap = ImageIO.read(swapped.toFile());
        BufferedImage mask = ImageIO.read(eyeMask.toFile());
        int w = x.getWidth();
        int h = x.getHeight();
        double[] mean = new double[3];
        int outside = 0;
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                if ((mask.getRGB(xx, yy) & 0xFF) == 0) {
                    outside++;
                    int[] v = rgb(x, xx, yy);
                    for (int c = 0; c < 3; c++) {
                        mean[c] += v[c];
                    }
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] /= outside;
        }
        double noise = 0;
        double feature = 0;
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                int[] v = rgb(x, xx, yy);
                boolean eye = (mask.getRGB(xx, yy) & 0xFF) != 0;
                int[] s = rgb(xSwap, xx, yy);
                for (int c = 0; c < 3; c++) {
                    if (eye) {
                        feature += (double) (v[c] - s[c]) * (v[c] - s[c]);
                    } else {
                        noise += (v[c] - mean[c]) * (v[c] - mean[c]);
                    }
                }
            }
        }
        return noise / feature;
    }

    private static int[] rgb(BufferedImage image, int x, int y) {
        int argb = image.getRGB(x, y);
        return new int[] {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF};
    }
}
