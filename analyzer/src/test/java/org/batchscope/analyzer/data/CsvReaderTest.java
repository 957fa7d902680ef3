package org.batchscope.analyzer.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.batchscope.common.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedFieldsAndCountsRowsAndLines() throws Exception {
        Path file = Files.writeString(dir.resolve("t.csv"), "\n\uFEFFa, \"b,c\"\n\n1,\"say \"\"hi\"\"\"\n 2 ,3\n");
        try (CsvReader csv = CsvReader.open(file)) {
            assertThat(csv.header()).containsExactly("a", "b,c");
            assertThat(csv.next()).containsExactly("1", "say \"hi\"");
            assertThat(csv.row()).isEqualTo(1);
            assertThat(csv.line()).isEqualTo(4);
            assertThat(csv.next()).containsExactly("2", "3");
            assertThat(csv.row()).isEqualTo(2);
            assertThat(csv.line()).isEqualTo(5);
            assertThat(csv.next()).isNull();
        }
    }

    @Test
    void problemsNameTheFileAndLine() throws Exception {
        assertThatThrownBy(() -> CsvReader.open(dir.resolve("nope.csv"))).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("nope.csv") + ": file does not exist");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n \n");
        assertThatThrownBy(() -> CsvReader.open(empty)).isInstanceOf(BadInputException.class)
                .hasMessage(empty + ": empty file; expected a CSV header line");
        Path unclosed = Files.writeString(dir.resolve("q.csv"), "a,b\n1,\"2\n");
        try (CsvReader csv = CsvReader.open(unclosed)) {
            assertThatThrownBy(csv::next).isInstanceOf(BadInputException.class)
                    .hasMessage(unclosed + ": line 2 has an unclosed quote");
        }
    }
}
