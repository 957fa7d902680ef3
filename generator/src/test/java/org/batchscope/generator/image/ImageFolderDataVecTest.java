package org.batchscope.generator.image;

import org.batchscope.generator.spec.ImageSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.datavec.api.io.labels.ParentPathLabelGenerator;
import org.datavec.api.records.Record;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.NDArrayWritable;
import org.datavec.api.writable.Writable;
import org.datavec.image.recordreader.ImageRecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The ImageFolder layout read as it is by DataVec: {@code ImageRecordReader} with a
 * {@code ParentPathLabelGenerator} over a {@code FileSplit} of the split folder, PNG only (so metadata.csv
 * is skipped), decoding through {@code NativeImageLoader} (OpenCV).
 */
class ImageFolderDataVecTest {

    private static final int SIZE = 16;

    @TempDir
    Path dir;

    /**
     * Every PNG under train/ becomes one record; its label is the class folder, which is the metadata.csv
     * label (flipped labels included); DataVec's label list is the class names sorted; its array is
     * {@code [1, 3, size, size]} with the channels in OpenCV's B, G, R order, each value the PNG's byte.
     */
    @Test
    void imageRecordReaderReadsTheTrainFolderWithLabelsFromTheClassFolders() throws IOException {
        ImageSpec spec = ImageSpec.defaults().with(Map.of("size", SIZE, "train", 30, "val", 0, "test", 0, "seed", 5,
                "classes", List.of("blue", "amber", "green"), "class_balance", List.of(1.0, 1.0, 1.0), "label_noise", 0.3));
        new ImageDatasetWriter(spec, 2, (s, d, t) -> { }).write(dir, false);
        Map<String, String> labelByPath = metadataLabels(dir.resolve("train/metadata.csv"));
        assertThat(labelByPath).hasSize(30);
        assertThat(labelByPath.values()).contains("blue", "amber", "green");

        ImageRecordReader reader = new ImageRecordReader(SIZE, SIZE, 3, new ParentPathLabelGenerator());
        reader.initialize(new FileSplit(dir.resolve("train").toFile(), new String[] {"png"}));
        assertThat(reader.getLabels()).containsExactly("amber", "blue", "green");
        int records = 0;
        while (reader.hasNext()) {
            Record record = reader.nextRecord();
            URI uri = record.getMetaData().getURI();
            Path file = Path.of(uri);
            String relative = dir.relativize(file).toString().replace(File.separatorChar, '/');
            List<Writable> values = record.getRecord();
            assertThat(values).hasSize(2);
            String label = reader.getLabels().get(values.get(1).toInt());
            assertThat(label).as(relative).isEqualTo(file.getParent().getFileName().toString())
                    .isEqualTo(labelByPath.get(relative));
            INDArray array = ((NDArrayWritable) values.get(0)).get();
            assertThat(array.shape()).containsExactly(1, 3, SIZE, SIZE);
            BufferedImage png = ImageIO.read(file.toFile());
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int rgb = png.getRGB(x, y);
                    int[] bgr = {rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF};
                    for (int c = 0; c < 3; c++) {
                        assertThat(array.getDouble(0, c, y, x)).as("%s (%d, %d) channel %d", relative, x, y, c)
                                .isEqualTo(bgr[c]);
                    }
                }
            }
            records++;
        }
        assertThat(records).isEqualTo(30);
    }

    /** @return the metadata.csv label of each image, by its path relative to the dataset root */
    private static Map<String, String> metadataLabels(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        int path = header.indexOf("path");
        int label = header.indexOf("label");
        Map<String, String> labels = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",");
            labels.put(row[path], row[label]);
        }
        return labels;
    }
}
