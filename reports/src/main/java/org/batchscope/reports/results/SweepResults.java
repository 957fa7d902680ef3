package org.batchscope.reports.results;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A results folder read back: the sweep's settings, its cells, datasets, noise robustness and verdict
 * from {@code summary.json}, and every run file. Cells are sorted by dataset, learning rate and batch
 * size (numerically), runs additionally by seed.
 *
 * @param folder     the results folder
 * @param settings   the sweep's settings
 * @param datasets   the datasets, by index
 * @param cells      one per dataset, learning rate and batch size
 * @param robustness per batch size and learning rate, when the sweep has two or more ratios
 * @param verdict    the verdict lines
 * @param runs       the run files
 */
public record SweepResults(Path folder, SweepSettings settings, List<ResultDataset> datasets, List<ResultCell> cells,
        List<Robustness> robustness, List<String> verdict, List<ResultRun> runs) {

    public SweepResults {
        datasets = List.copyOf(datasets);
        cells = cells.stream().sorted(Comparator.comparingInt(ResultCell::dataset)
                .thenComparingDouble(ResultCell::lr).thenComparingInt(ResultCell::batchSize)).toList();
        robustness = List.copyOf(robustness);
        verdict = List.copyOf(verdict);
        runs = runs.stream().sorted(Comparator.comparingInt(ResultRun::dataset).thenComparingDouble(ResultRun::lr)
                .thenComparingInt(ResultRun::batchSize).thenComparingLong(ResultRun::seed)).toList();
    }

    /**
     * The cells of one dataset at one base learning rate: one line of charts 2, 6 and 7.
     *
     * @param dataset the dataset's index
     * @param lr      the base learning rate
     * @param label   a short name, {@code "r = 3"} (plus the learning rate when the sweep has several)
     * @param cells   the cells, by batch size
     */
    public record CellGroup(int dataset, double lr, String label, List<ResultCell> cells) {
    }

    /** @return the groups of cells, by dataset, then learning rate */
    public List<CellGroup> groups() {
        List<CellGroup> groups = new java.util.ArrayList<>();
        for (ResultCell c : cells) {
            if (groups.stream().noneMatch(g -> g.dataset() == c.dataset() && g.lr() == c.lr())) {
                groups.add(new CellGroup(c.dataset(), c.lr(), groupLabel(c.dataset(), c.lr()), cells(c.dataset(), c.lr())));
            }
        }
        return groups;
    }

    /** @return the cells of dataset {@code d} at base learning rate {@code lr}, by batch size */
    public List<ResultCell> cells(int d, double lr) {
        return cells.stream().filter(c -> c.dataset() == d && c.lr() == lr).toList();
    }

    /** @return the completed runs of a cell, by seed */
    public List<ResultRun> completedRuns(ResultCell cell) {
        return runs.stream().filter(r -> r.completed() && r.dataset() == cell.dataset() && r.lr() == cell.lr()
                && r.batchSize() == cell.batchSize()).toList();
    }

    /** @return the distinct noise ratios of the datasets that have one, ascending */
    public List<Double> ratios() {
        return datasets.stream().map(ResultDataset::ratio).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** @return a short name for a cell group: {@code "r = 3"}, plus the learning rate when the sweep has several */
    private String groupLabel(int d, double lr) {
        Double ratio = datasets.get(d).ratio();
        String name = ratio == null ? "dataset " + d : "r = " + Numbers.compact(ratio);
        return settings.lrs().size() > 1 ? name + ", lr " + Numbers.compact(lr) : name;
    }
}
