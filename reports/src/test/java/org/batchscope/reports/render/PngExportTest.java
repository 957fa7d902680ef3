package org.batchscope.reports.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngExportTest {

    /** The encoder is checked against the JDK's own PNG reader: every pixel decodes to what was drawn. */
    @Test
    void encodedChartDecodesToTheSamePixelsInTheJdksReader() throws IOException {
        BufferedImage image = new BufferedImage(301, 97, BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                // half the rows random colours, half flat runs like a chart's background and lines
                image.setRGB(x, y, y % 2 == 0 ? random.nextInt(1 << 24) : (x / 40) * 0x0A0B0C);
            }
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngExport.encode(image)));
        assertThat(decoded.getWidth()).isEqualTo(301);
        assertThat(decoded.getHeight()).isEqualTo(97);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(decoded.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(image.getRGB(x, y));
            }
        }
    }

    @Test
    void onlyTheRgbImagesOfRenderAreEncoded() {
        assertThatThrownBy(() -> PngExport.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type 2");
    }
}
