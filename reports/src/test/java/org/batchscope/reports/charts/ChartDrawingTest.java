package org.batchscope.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.batchscope.analyzer.metrics.LossSpikes;
import org.batchscope.reports.render.Figure;
import org.batchscope.reports.render.PngExport;
import org.junit.jupiter.api.Test;

/** Draws every chart headless into images and checks size, content and what the lines mean. */
class ChartDrawingTest {

    /** Output kept under target/ so the PNGs can be looked at after a build. */
    static final Path OUT = Path.of("target", "test-figures");

    @Test
    void everyFigureRendersAtTwiceItsLogicalSizeWithInk() throws Exception {
        for (Figure figure : List.of(SampleFigures.seedPicture(), SampleFigures.metrics(),
                SampleFigures.minibatchLoss())) {
            Path png = PngExport.write(figure, OUT);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth()).as(figure.name()).isEqualTo(2 * figure.width());
            assertThat(image.getHeight()).as(figure.name()).isEqualTo(2 * figure.height());
            assertThat(inkShare(image)).as(figure.name() + " share of non-white pixels").isBetween(0.02, 0.6);
            assertThat(colourShare(image)).as(figure.name() + " share of coloured pixels").isGreaterThan(0.002);
            assertThat(Files.list(OUT).anyMatch(p -> p.getFileName().toString().contains(".tmp-"))).isFalse();
        }
    }

    @Test
    void seedPictureFigureIsNamedAndSizedForTwoPanels() {
        Figure figure = SampleFigures.seedPicture();
        assertThat(figure.name()).isEqualTo("seed-picture");
        assertThat(figure.width()).isEqualTo(900);
        assertThat(figure.height()).isEqualTo(560);
    }

    @Test
    void seedCurvesGivePointwiseMeanMinAndMax() {
        SeedCurves curves = new SeedCurves("acc", "fraction", new double[] {0, 1},
                List.of(new double[] {0.5, 0.7}, new double[] {0.6, 0.4}, new double[] {0.7, 0.1}));
        assertThat(curves.mean()).containsExactly(new double[] {0.6, 0.4}, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(curves.min()).containsExactly(0.5, 0.1);
        assertThat(curves.max()).containsExactly(0.7, 0.7);
    }

    @Test
    void spikeBandThresholdFlagsExactlyTheLossSpikes() {
        double[] losses = {1.0, 0.9, 0.95, 2.0, 0.9, 0.85, 0.86, 0.84, 1.6, 0.8};
        SpikeBand band = SpikeBand.of(losses);
        int[] above = IntStream.range(1, losses.length).filter(t -> losses[t] > band.threshold()[t]).toArray();
        assertThat(above).containsExactly(LossSpikes.detect(losses).indices());
        // by hand: m_0 = 1, v_0 = 0; threshold_1 = 1 (0.9 is below); m_1 = 0.99, v_1 = 0.9 * 0.1 * 0.01 = 0.0009
        // threshold_2 = 0.99 + 3 * 0.03 = 1.08
        assertThat(band.threshold()[1]).isEqualTo(1.0);
        assertThat(band.ema()[1]).isCloseTo(0.99, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(band.threshold()[2]).isCloseTo(1.08, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(above).contains(3);
    }

    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    private static double colourShare(BufferedImage image) {
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        return (double) coloured / ((long) image.getWidth() * image.getHeight());
    }
}
