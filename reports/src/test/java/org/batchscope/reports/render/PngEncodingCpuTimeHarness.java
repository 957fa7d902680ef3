package org.batchscope.reports.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Not a test: a command-line harness that times PNG encoding of the report's charts by the thread's CPU
 * time (load distorts it far less than wall clock): {@link PngExport#encode} against the JDK's ImageIO
 * writer, which the report used before, alternately on the same pixels. Each chart given is read, drawn
 * into a {@link BufferedImage#TYPE_INT_RGB} image as {@link PngExport#render} makes, and encoded
 * {@value #REPETITIONS} times each way after one warm-up of each; it prints the median milliseconds and
 * the file sizes. Run with the test classpath: {@code java -cp reports/target/classes:reports/target/test-classes:DEPS
 * org.batchscope.reports.render.PngEncodingCpuTimeHarness CHART.png...}.
 */
public final class PngEncodingCpuTimeHarness {

    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();
    private static final int REPETITIONS = 7;

    private PngEncodingCpuTimeHarness() {
    }

    public static void main(String[] args) throws IOException {
        ImageIO.setUseCache(false);
        System.out.printf("%-32s %10s %10s %12s %12s%n", "chart", "imageio_ms", "export_ms", "imageio_bytes",
                "export_bytes");
        for (String file : args) {
            BufferedImage read = ImageIO.read(Path.of(file).toFile());
            BufferedImage image = new BufferedImage(read.getWidth(), read.getHeight(), BufferedImage.TYPE_INT_RGB);
            image.createGraphics().drawImage(read, 0, 0, null);
            double[] imageio = new double[REPETITIONS];
            double[] export = new double[REPETITIONS];
            int imageioBytes = imageIo(image).length;
            int exportBytes = PngExport.encode(image).length;
            for (int r = 0; r < REPETITIONS; r++) {
                long start = BEAN.getCurrentThreadCpuTime();
                imageIo(image);
                imageio[r] = (BEAN.getCurrentThreadCpuTime() - start) / 1e6;
                start = BEAN.getCurrentThreadCpuTime();
                PngExport.encode(image);
                export[r] = (BEAN.getCurrentThreadCpuTime() - start) / 1e6;
            }
            System.out.printf("%-32s %10.1f %10.1f %12d %12d%n", Path.of(file).getFileName(), median(imageio),
                    median(export), imageioBytes, exportBytes);
        }
    }

    private static byte[] imageIo(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
