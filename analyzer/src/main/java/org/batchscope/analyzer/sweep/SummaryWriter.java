package org.batchscope.analyzer.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.files.Provenance;
import org.batchscope.common.files.ResultFiles;
import org.batchscope.common.files.RunFile;
import org.batchscope.common.files.SummaryFile;

/**
 * Writes {@code summary.json} ({@link SummaryFile}: {@code schema_version}, {@code provenance},
 * {@code sweep}: the sweep's settings; {@code runs}: the config hashes of the runs it covers;
 * {@code cells}: one object per cell; {@code comparisons}; {@code datasets}; {@code noise_robustness};
 * {@code verdict}: lines of text), {@code summary.csv} (one row per cell in plan order; the identifying
 * columns, then every metric column in name order; empty fields for values that could not be computed;
 * RFC 4180 quoting by Commons CSV, so a field with a comma or quote, such as a path, stays one field) and
 * {@code verdict.txt}, each atomically.
 */
public final class SummaryWriter {

    public static final String JSON = "summary.json";
    public static final String CSV = "summary.csv";
    public static final String VERDICT = "verdict.txt";

    private SummaryWriter() {
    }

    /** Writes the three files into {@code out}; returns the verdict lines. */
    public static List<String> write(Path out, SweepSpec spec, SweepSummary summary) {
        List<Map<String, Object>> rows = summary.cellRows();
        List<String> verdict = Verdict.of(summary);
        List<String> runs = summary.cells().stream().flatMap(c -> c.runs().stream()).map(RunFile::configHash).toList();
        ResultFiles.write(out.resolve(JSON), new SummaryFile<>(SummaryFile.SCHEMA_VERSION,
                Provenance.current(null, null), spec, runs, rows, summary.comparisons(), summary.datasetRows(),
                summary.noiseRobustness(), verdict));
        AtomicFiles.write(out.resolve(CSV), csv(rows).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(out.resolve(VERDICT), (String.join("\n", verdict) + "\n").getBytes(StandardCharsets.UTF_8));
        return verdict;
    }

    /** The statistics of each metric, in column order. */
    private static final List<String> STATS = List.of("_mean", "_std", "_ci_low", "_ci_high");

    /**
     * @return the CSV text of {@code rows}: the identifying columns, then per metric (in name order) its
     *         mean, std and interval, then the remaining columns (variances, wall time)
     */
    static String csv(List<Map<String, Object>> rows) {
        LinkedHashSet<String> idColumns = new LinkedHashSet<>();
        java.util.TreeSet<String> metrics = new java.util.TreeSet<>();
        LinkedHashSet<String> trailing = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            boolean seenStat = false;
            for (String key : row.keySet()) {
                String stat = STATS.stream().filter(key::endsWith).findFirst().orElse(null);
                if (stat != null && !key.equals("wall_seconds_mean")) {
                    metrics.add(key.substring(0, key.length() - stat.length()));
                    seenStat = true;
                } else if (seenStat || key.endsWith("_variance") || key.equals("wall_seconds_mean")) {
                    trailing.add(key);
                } else {
                    idColumns.add(key);
                }
            }
        }
        List<String> columns = new ArrayList<>(idColumns);
        for (String metric : metrics) {
            STATS.forEach(stat -> columns.add(metric + stat));
        }
        columns.addAll(trailing);
        StringBuilder text = new StringBuilder();
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator('\n').setHeader(columns.toArray(String[]::new))
                .build();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            for (Map<String, Object> row : rows) {
                List<String> fields = new ArrayList<>();
                for (String column : columns) {
                    Object v = row.get(column);
                    fields.add(v == null ? "" : v.toString());
                }
                printer.printRecord(fields);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }
}
