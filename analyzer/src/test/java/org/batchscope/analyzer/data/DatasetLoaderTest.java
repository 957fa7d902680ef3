package org.batchscope.analyzer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.batchscope.common.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void csvWithSiblingSplitsSortsClassesAndKeepsColumns() throws IOException {
        Path train = csv("train.csv", "a,kind,b\n1,dog,2\n3,cat,4\n5,dog,6\n\"7\",cat,8\n");
        csv("val.csv", "a,kind,b\n9,cat,10\n");
        LoadedDataset d = DatasetLoader.load(train, new LoadOptions("kind", null));
        assertThat(d.kind()).isEqualTo(LoadedDataset.TABULAR);
        assertThat(d.classNames()).containsExactly("cat", "dog");
        assertThat(d.train().features()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(d.train().labels()).containsExactly(1, 0, 1, 0);
        assertThat(d.validation().features()).containsExactly(9, 10);
        assertThat(d.test()).isNull();
        // training labels 1, 0, 1, 0: the most frequent class has half (the one validation row is a cat)
        assertThat(d.chance()).isEqualTo(0.5);
        assertThat(d.contentSha256()).hasSize(64);
    }

    @Test
    void numericClassNamesSortAsNumbers() {
        assertThat(ClassNames.of(List.of("10", "2", "1", "2"))).containsExactly("1", "2", "10");
    }

    @Test
    void csvErrorsNameFileRowAndColumn() throws IOException {
        Path missing = csv("m.csv", "a,b\n1,2\n");
        assertThatThrownBy(() -> DatasetLoader.load(missing, LoadOptions.defaults()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no label column 'label' (columns: a, b); name it with --label-column");
        Path bad = csv("bad.csv", "x,label,y\n1,0,2\n3,1,oops\n");
        assertThatThrownBy(() -> DatasetLoader.load(bad, LoadOptions.defaults()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(bad + ": row 2, column 'y': 'oops' is not a finite number (every column but the label"
                        + " column must be numeric)");
        Path ragged = csv("r.csv", "x,label\n1,0\n2\n");
        assertThatThrownBy(() -> DatasetLoader.load(ragged, LoadOptions.defaults()))
                .hasMessage(ragged + ": row 2 has 1 fields; the header has 2");
    }

    @Test
    void carvesTwentyPercentValidationDeterministically() throws IOException {
        StringBuilder text = new StringBuilder("x,label\n");
        for (int i = 0; i < 50; i++) {
            text.append(i).append(',').append(i % 2).append('\n');
        }
        Path file = csv("all.csv", text.toString());
        LoadedDataset a = DatasetLoader.load(file, LoadOptions.defaults());
        LoadedDataset b = DatasetLoader.load(file, LoadOptions.defaults());
        assertThat(a.train().count()).isEqualTo(40);
        assertThat(a.validation().count()).isEqualTo(10);
        assertThat(a.validation().features()).containsExactly(b.validation().features());
        // the two parts partition the samples
        float[] all = new float[50];
        System.arraycopy(a.train().features(), 0, all, 0, 40);
        System.arraycopy(a.validation().features(), 0, all, 40, 10);
        java.util.Arrays.sort(all);
        for (int i = 0; i < 50; i++) {
            assertThat(all[i]).isEqualTo(i);
        }
    }

    @Test
    void npyPairFindsLabelsFile() throws IOException {
        ByteBuffer x = ByteBuffer.allocate(4 * 6).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            x.putFloat(i);
        }
        ByteBuffer y = ByteBuffer.allocate(4 * 3).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(1).putInt(2);
        Files.write(dir.resolve("train_X.npy"), NpyReaderTest.npy(1, "<f4", "(3, 2)", false, x.array()));
        Files.write(dir.resolve("train_y.npy"), NpyReaderTest.npy(1, "<i4", "(3,)", false, y.array()));
        Files.write(dir.resolve("val_X.npy"), NpyReaderTest.npy(1, "<f4", "(3, 2)", false, x.array()));
        Files.write(dir.resolve("val_y.npy"), NpyReaderTest.npy(1, "<i4", "(3,)", false, y.array()));
        LoadedDataset d = DatasetLoader.load(dir.resolve("train_X.npy"), LoadOptions.defaults());
        assertThat(d.classNames()).containsExactly("0", "1", "2");
        assertThat(d.train().sampleShape()).containsExactly(2);
        assertThat(d.train().features()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(d.validation().labels()).containsExactly(0, 1, 2);
        Files.delete(dir.resolve("val_y.npy"));
        assertThatThrownBy(() -> DatasetLoader.load(dir.resolve("train_X.npy"), LoadOptions.defaults()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("val_y.npy does not exist");
    }

    @Test
    void npyFeaturesWithAZeroSizedSampleDimensionAreBadInput() throws IOException {
        // found by FuzzedInputTest: shape [12, 0] reached the engine's TensorData as an IllegalArgumentException
        ByteBuffer y = ByteBuffer.allocate(4 * 3).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(1).putInt(0);
        Files.write(dir.resolve("train_y.npy"), NpyReaderTest.npy(1, "<i4", "(3,)", false, y.array()));
        for (String shape : new String[] {"(3, 0)", "(3, 1, 0, 2)"}) {
            Files.write(dir.resolve("train_X.npy"), NpyReaderTest.npy(1, "<f4", shape, false, new byte[0]));
            String printed = "[" + shape.substring(1, shape.length() - 1) + "]";
            assertThatThrownBy(() -> DatasetLoader.load(dir.resolve("train_X.npy"), LoadOptions.defaults()))
                    .isInstanceOf(BadInputException.class).hasMessage(dir.resolve("train_X.npy") + ": shape " + printed
                            + " has no features per sample (every dimension after the first must be at least 1)");
        }
    }

    private void png(Path file, int w, int h, int rgb) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                image.setRGB(c, r, rgb);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void imageFolderReadsChwInUnitRange() throws IOException {
        for (int i = 0; i < 5; i++) {
            png(dir.resolve("imgs/red/" + i + ".png"), 4, 4, 0xff0000);
            png(dir.resolve("imgs/blue/" + i + ".png"), 4, 4, 0x000080);
        }
        LoadedDataset d = DatasetLoader.load(dir.resolve("imgs"), LoadOptions.defaults());
        assertThat(d.kind()).isEqualTo(LoadedDataset.IMAGES);
        assertThat(d.classNames()).containsExactly("blue", "red");
        assertThat(d.train().sampleShape()).containsExactly(3, 4, 4);
        assertThat(d.train().count() + d.validation().count()).isEqualTo(10);
        float[] x = d.train().features();
        int label = d.train().labels()[0];
        // first sample: red plane then green then blue, 16 values each
        assertThat(x[0]).isEqualTo(label == 1 ? 1f : 0f);
        assertThat(x[16]).isEqualTo(0f);
        assertThat(x[32]).isCloseTo(label == 1 ? 0f : 128 / 255f, within(1e-7f));
    }

    @Test
    void imageFolderErrors() throws IOException {
        for (int i = 0; i < 3; i++) {
            png(dir.resolve("a/cat/" + i + ".png"), 4, 4, 0);
            png(dir.resolve("a/dog/" + i + ".png"), 6, 6, 0);
        }
        assertThatThrownBy(() -> DatasetLoader.load(dir.resolve("a"), LoadOptions.defaults()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("is 6x6 but").hasMessageContaining("pass --image-size");
        LoadedDataset resized = DatasetLoader.load(dir.resolve("a"), new LoadOptions("label", 8));
        assertThat(resized.train().sampleShape()).containsExactly(3, 8, 8);
        Files.createDirectories(dir.resolve("a/empty"));
        assertThatThrownBy(() -> DatasetLoader.load(dir.resolve("a"), LoadOptions.defaults()))
                .isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("a/empty") + ": empty class folder (no .png/.jpg/.jpeg files)");
    }
}
