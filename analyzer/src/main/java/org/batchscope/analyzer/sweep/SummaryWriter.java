package org.batchscope.analyzer.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.Json;

/**
 * Writes {@code summary.json} ({@code sweep}: the sweep's settings; {@code cells}: one object per cell;
 * {@code comparisons}; {@code datasets}; {@code noise_robustness}; {@code verdict}: lines of text),
 * {@code summary.csv} (one row per cell in plan order; the identifying columns, then every metric
 * column in name order; empty fields for values that could not be computed) and {@code verdict.txt},
 * each atomically.
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
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sweep", spec);
        json.put("cells", rows);
        json.put("comparisons", summary.comparisons());
        json.put("datasets", summary.datasetRows());
        json.put("noise_robustness", summary.noiseRobustness());
        json.put("verdict", verdict);
        Json.write(out.resolve(JSON), json);
        AtomicFiles.write(out.resolve(CSV), csv(rows).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(out.resolve(VERDICT), (String.join("\n", verdict) + "\n").getBytes(StandardCharsets.UTF_8));
        return verdict;
    }

    /** @return the CSV text of {@code rows}: columns of the first row first, then the others sorted */
    static String csv(List<Map<String, Object>> rows) {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        java.util.TreeSet<String> metricColumns = new java.util.TreeSet<>();
        for (Map<String, Object> row : rows) {
            for (String key : row.keySet()) {
                if (key.endsWith("_mean") || key.endsWith("_std") || key.endsWith("_ci_low") || key.endsWith("_ci_high")
                        || key.endsWith("_variance")) {
                    metricColumns.add(key);
                } else {
                    columns.add(key);
                }
            }
        }
        columns.addAll(metricColumns);
        StringBuilder text = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, Object> row : rows) {
            List<String> fields = new ArrayList<>();
            for (String column : columns) {
                Object v = row.get(column);
                fields.add(v == null ? "" : v.toString());
            }
            text.append(String.join(",", fields)).append('\n');
        }
        return text.toString();
    }
}
