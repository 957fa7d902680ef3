package org.batchscope.generator.tabular;

import org.batchscope.generator.spec.TabularSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.datavec.api.records.reader.impl.csv.CSVRecordReader;
import org.datavec.api.split.FileSplit;
import org.datavec.api.writable.Writable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The tabular output read as it is by the DL4J stack: DataVec's {@code CSVRecordReader} (skipping the
 * header line) gives every row with the label last, and ND4J's NPY reader gives the same float32 values
 * and int32 labels as the CSV.
 */
class TabularDataVecTest {

    @TempDir
    Path dir;

    @Test
    void csvRecordReaderAndNd4jNpyReadTheSameValues() throws IOException, InterruptedException {
        TabularSpec spec = TabularSpec.defaults().with(Map.of("train", 60, "val", 0, "test", 0, "seed", 3));
        TabularGenerator.generate(spec, dir, false, 2, (split, done, total) -> { });
        CsvTable expected = CsvTable.read(dir.resolve("train.csv"));
        INDArray x = Nd4j.createFromNpyFile(dir.resolve("train_X.npy").toFile());
        INDArray y = Nd4j.createFromNpyFile(dir.resolve("train_y.npy").toFile());
        assertThat(x.shape()).containsExactly(60, expected.names().size());
        assertThat(y.length()).isEqualTo(60);

        try (CSVRecordReader reader = new CSVRecordReader(1, ',')) {
            reader.initialize(new FileSplit(dir.resolve("train.csv").toFile()));
            int row = 0;
            while (reader.hasNext()) {
                List<Writable> record = reader.next();
                assertThat(record).hasSize(expected.names().size() + 1);
                for (int j = 0; j < expected.names().size(); j++) {
                    // the CSV prints float32 values with 9 significant digits: they parse back exactly
                    assertThat(record.get(j).toFloat()).isEqualTo((float) expected.x()[row][j]);
                    assertThat(x.getFloat(row, j)).isEqualTo(record.get(j).toFloat());
                }
                assertThat(record.get(expected.names().size()).toInt()).isEqualTo(expected.y()[row]).isEqualTo(y.getInt(row));
                row++;
            }
            assertThat(row).isEqualTo(60);
        }
    }
}
