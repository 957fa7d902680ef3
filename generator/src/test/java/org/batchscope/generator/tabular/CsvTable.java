package org.batchscope.generator.tabular;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** A written CSV split read back for tests: column names, values and labels. */
record CsvTable(List<String> names, double[][] x, int[] y) {

    static CsvTable read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int width = header.size() - 1;
        double[][] x = new double[lines.size() - 1][width];
        int[] y = new int[lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            for (int j = 0; j < width; j++) {
                x[r - 1][j] = Float.parseFloat(cells[j]);
            }
            y[r - 1] = Integer.parseInt(cells[width]);
        }
        return new CsvTable(header.subList(0, width), x, y);
    }

    /** @return the indices of the columns whose name passes {@code filter} */
    int[] columns(Predicate<String> filter) {
        return java.util.stream.IntStream.range(0, names.size()).filter(j -> filter.test(names.get(j))).toArray();
    }
}
