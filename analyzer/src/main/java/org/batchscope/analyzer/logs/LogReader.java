package org.batchscope.analyzer.logs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchscope.common.BadInputException;

/**
 * Reads training logs users already have, recognising the layout by what the file holds rather than by
 * exact header spellings (the file's encoding and field separator are sniffed by {@link LogTable};
 * column names match ignoring case):
 * <ol>
 *   <li>TensorBoard scalar export: the columns {@code Wall time, Step, Value}; run and tag come from
 *       TensorBoard's file name {@code run-<run>-tag-<tag>.csv}, a run's {@code train}/{@code validation}
 *       part gives the role, and exports of one run are merged into one log by {@link #readAll};</li>
 *   <li>W&amp;B export: columns {@code <run> - <metric>}; the x axis is the first other numeric column
 *       ({@code Step}, {@code epoch}, {@code trainer/global_step}, ...); {@code __MIN}/{@code __MAX}
 *       columns are skipped; each run becomes its own log;</li>
 *   <li>Lightning {@code metrics.csv}: {@code epoch} and {@code step} columns, see {@link LogLayout#LIGHTNING};</li>
 *   <li>Keras CSVLogger: an {@code epoch} column and no {@code step};</li>
 *   <li>a per-step table: a {@code step}, {@code global_step}, {@code iteration} or {@code iter} column
 *       and no {@code epoch};</li>
 *   <li>pandas history dump: an unnamed index column, or no x column but loss or accuracy columns (x is
 *       then the row number).</li>
 * </ol>
 * Accuracy columns with values above 1 and at most 100 are percent and are divided by 100 (with a
 * note); above 100, or below 10 in a column whose name says more than accuracy (Lightning's
 * {@code val_acc_mean_pos}, a mean rank near 6), they are not accuracies and are read as plain values. {@link Columns} (--x, --y)
 * override the x axis and the measured series of any layout, and make any CSV readable. A log with no
 * numeric column is bad input, and so is a file whose layout is not recognised and has no --y.
 */
public final class LogReader {

    /** TensorBoard's export file name: {@code run-<run>-tag-<tag>.csv}. */
    private static final Pattern TENSORBOARD_NAME = Pattern.compile("run-(.+)-tag-(.+)\\.csv", Pattern.CASE_INSENSITIVE);
    /** A role at the end of a TensorBoard run name: {@code train}, {@code bs16_validation}, {@code bs16/val}. */
    private static final Pattern TENSORBOARD_ROLE = Pattern.compile(
            "(?i)(?:^|[/_.-])(train|training|validation|valid|val|eval|test)$");
    private static final String WANDB_SEPARATOR = " - ";
    /** The words of a plainly named accuracy column: {@code val_acc}, {@code Train Accuracy}, {@code val_acc_epoch}. */
    private static final Set<String> PLAIN_ACCURACY_WORDS = Set.of("acc", "accuracy", "top1", "train", "training", "val",
            "valid", "validation", "eval", "evaluation", "dev", "test", "epoch", "step");
    /** Header names shown in a message before the rest is summed up. */
    private static final int HEADER_SHOWN = 12;

    /**
     * The user's choice of columns, each part optional.
     *
     * @param x  the x column, {@value #ROW_NUMBER} for the row number (unless the file has a column of
     *           that name), or null to let the layout decide
     * @param ys the series to measure, the first being the compared one; empty to choose by meaning
     */
    public record Columns(String x, List<String> ys) {

        /** The --x value that means "no x column: use the row number". */
        public static final String ROW_NUMBER = "row";

        /** Nothing chosen. */
        public static final Columns NONE = new Columns(null, List.of());

        public Columns {
            if (x != null && x.isBlank()) {
                throw new BadInputException("--x must name a column (or '" + ROW_NUMBER + "' for the row number)");
            }
            ys = ys == null ? List.of() : ys.stream().map(String::strip).filter(y -> !y.isEmpty()).toList();
        }
    }

    private LogReader() {
    }

    /**
     * Reads every file and merges TensorBoard exports of the same run (same folder, same run name once its
     * train/validation part is taken off) into one log.
     */
    public static List<TrainingLog> readAll(List<Path> files, Columns columns) {
        Map<String, TrainingLog> merged = new LinkedHashMap<>();
        for (Path file : files) {
            for (TrainingLog log : read(file, columns)) {
                String key = log.layout() == LogLayout.TENSORBOARD
                        ? "tb:" + file.toAbsolutePath().getParent() + "/" + log.label() : "file:" + merged.size();
                merged.merge(key, log, LogReader::mergeRun);
            }
        }
        return List.copyOf(merged.values());
    }

    private static TrainingLog mergeRun(TrainingLog first, TrainingLog second) {
        List<Curve> curves = new ArrayList<>(first.curves());
        curves.addAll(second.curves());
        List<String> requested = new ArrayList<>(first.requested());
        second.requested().stream().filter(r -> !requested.contains(r)).forEach(requested::add);
        List<String> notes = new ArrayList<>(first.notes());
        second.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        return new TrainingLog(first.file(), first.label(), first.layout(), curves, requested, notes);
    }

    /**
     * @param file    the log
     * @param columns the user's --x/--y choice, or null to detect everything
     * @return one log per run in the file (several only for a W&amp;B export of several runs)
     */
    public static List<TrainingLog> read(Path file, Columns columns) {
        Columns chosen = columns == null ? Columns.NONE : columns;
        LogTable table = LogTable.read(file);
        XAxis x = chosen.x() == null ? null : XAxis.named(table, chosen.x());
        int epoch = table.column("epoch");
        int step = table.column("step");
        List<TrainingLog> logs;
        if (isTensorBoard(table)) {
            logs = List.of(tensorBoard(table, x));
        } else if (table.header().stream().anyMatch(h -> h.contains(WANDB_SEPARATOR))) {
            logs = wandb(table, x);
        } else if (epoch >= 0 && step >= 0) {
            logs = List.of(lightning(table, epoch, step, x));
        } else if (epoch >= 0) {
            logs = List.of(perEpochTable(table, LogLayout.KERAS, x != null ? x : XAxis.of(table, epoch), null));
        } else if (stepColumn(table) >= 0) {
            logs = List.of(perEpochTable(table, LogLayout.STEPS, x != null ? x : XAxis.of(table, stepColumn(table)), null));
        } else if (indexColumn(table) >= 0) {
            logs = List.of(perEpochTable(table, LogLayout.PANDAS,
                    x != null ? x : new XAxis(indexColumn(table), "index"), null));
        } else if (x != null || !chosen.ys().isEmpty()) {
            logs = List.of(perEpochTable(table, LogLayout.COLUMNS, x != null ? x : XAxis.ROW,
                    x != null ? null : "no x column: x is the row number (1, 2, ...); pass --x to choose one"));
        } else if (table.header().stream().anyMatch(h -> SeriesKind.classify(h) != SeriesKind.OTHER)) {
            logs = List.of(perEpochTable(table, LogLayout.PANDAS, XAxis.ROW,
                    "no epoch, step or index column: x is the row number (1, 2, ...); pass --x to choose one"));
        } else {
            throw new BadInputException(file + ": unknown log layout (columns: " + brief(table.header())
                    + "): no epoch, step, loss or accuracy column; pass --y (and --x, or --x "
                    + Columns.ROW_NUMBER + " for the row number) to choose the columns");
        }
        String text = text(table);
        List<TrainingLog> result = new ArrayList<>();
        for (TrainingLog log : logs) {
            log = percentAccuracy(log);
            if (text != null) {
                log = log.with(log.curves(), log.requested(), text);
            }
            if (log.curves().isEmpty()) {
                throw new BadInputException(file + ": no numeric column" + (logs.size() > 1 ? " for run " + log.label() : "")
                        + " (columns: " + brief(table.header()) + ")");
            }
            result.add(log);
        }
        return requested(table, result, chosen.ys());
    }

    /** @return a note on a separator other than a comma or an encoding other than UTF-8, or null */
    private static String text(LogTable table) {
        String separator = switch (table.separator()) {
            case '\t' -> "tab-separated";
            case ';' -> "semicolon-separated";
            default -> null;
        };
        String encoding = table.charset().equals(StandardCharsets.UTF_8) ? null : table.charset().displayName(Locale.ROOT);
        if (separator == null && encoding == null) {
            return null;
        }
        return "text: " + (separator == null ? "" : separator) + (separator != null && encoding != null ? ", " : "")
                + (encoding == null ? "" : encoding);
    }

    /** @return the header names, the first {@value #HEADER_SHOWN} and how many more */
    static String brief(List<String> header) {
        String shown = String.join(", ", header.subList(0, Math.min(HEADER_SHOWN, header.size())));
        return header.size() > HEADER_SHOWN ? shown + ", ... (" + header.size() + " columns)" : shown;
    }

    private static boolean isTensorBoard(LogTable table) {
        return table.header().size() == 3 && table.column("wall time") >= 0 && table.column("step") >= 0
                && table.column("value") >= 0;
    }

    /** @return the first column named {@code step}, {@code global_step}, {@code iteration} or {@code iter}, or -1 */
    private static int stepColumn(LogTable table) {
        for (String name : List.of("step", "global_step", "iteration", "iter")) {
            if (table.column(name) >= 0 && table.isNumeric(table.column(name))) {
                return table.column(name);
            }
        }
        return -1;
    }

    /** @return an unnamed first column as pandas writes its index ({@code ""} or {@code Unnamed: 0}), or -1 */
    private static int indexColumn(LogTable table) {
        String first = table.header().get(0).strip();
        return (first.isEmpty() || first.equalsIgnoreCase("unnamed: 0") || first.equalsIgnoreCase("index"))
                && table.isNumeric(0) ? 0 : -1;
    }

    /** One table: every numeric column but x against x. */
    private static TrainingLog perEpochTable(LogTable table, LogLayout layout, XAxis x, String note) {
        List<Curve> curves = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            if (c != x.column() && table.isNumeric(c)) {
                String name = table.header().get(c).strip();
                add(curves, table.curve(x.column(), c, name, SeriesKind.classify(name), x.name(), x.isStep()));
            }
        }
        List<String> notes = new ArrayList<>(x.notes(table, curves));
        if (note != null) {
            notes.add(0, note);
        }
        return new TrainingLog(table.file(), stem(table.file()), layout, curves, List.of(), notes);
    }

    private static TrainingLog lightning(LogTable table, int epoch, int step, XAxis override) {
        List<Curve> curves = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            if (c == epoch || c == step || !table.isNumeric(c)) {
                continue;
            }
            String name = table.header().get(c).strip();
            List<String> words = SeriesKind.words(name);
            String last = words.isEmpty() ? "" : words.get(words.size() - 1);
            boolean perEpoch = last.equals("epoch") || !last.equals("step") && table.atMostOnePerX(epoch, c);
            XAxis x = override != null ? override
                    : perEpoch ? new XAxis(epoch, table.header().get(epoch).strip()) : new XAxis(step, table.header().get(step).strip());
            add(curves, table.curve(x.column(), c, name, SeriesKind.classify(name), x.name(),
                    override != null ? override.isStep() : !perEpoch));
        }
        Path parent = table.file().toAbsolutePath().getParent();
        String label = table.file().getFileName().toString().equalsIgnoreCase("metrics.csv") && parent != null
                ? parent.getFileName().toString() : stem(table.file());
        List<String> notes = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            if (c == epoch || c == step || !table.isNumeric(c)) {
                continue;
            }
            String name = table.header().get(c).strip();
            Curve curve = curves.stream().filter(k -> k.name().equals(name)).findFirst().orElse(null);
            int missing = curve == null ? table.count(c) : table.valuesWithoutX(table.column(curve.xName()), c);
            if (override == null && missing > 0) {
                notes.add(name + ": " + missing + " value" + (missing == 1 ? "" : "s") + " on rows without "
                        + (curve == null ? "an x value" : "a " + curve.xName()) + " left out");
            }
        }
        return new TrainingLog(table.file(), label, LogLayout.LIGHTNING, curves, List.of(), notes);
    }

    private static TrainingLog tensorBoard(LogTable table, XAxis override) {
        Matcher name = TENSORBOARD_NAME.matcher(table.file().getFileName().toString());
        String run = name.matches() ? name.group(1) : stem(table.file());
        String tag = name.matches() ? name.group(2) : "Value";
        Matcher role = TENSORBOARD_ROLE.matcher(run);
        String roleWord = role.find() ? role.group(1) : "";
        String base = roleWord.isEmpty() ? run : run.substring(0, role.start());
        String label = base.isBlank() || base.equals(".") ? runFolder(table.file()) : base;
        String series = roleWord.isEmpty() ? tag : roleWord.toLowerCase(Locale.ROOT) + "/" + tag;
        SeriesKind kind = SeriesKind.classify(roleWord + " " + tag);
        List<String> tagWords = SeriesKind.words(tag);
        boolean perEpoch = !tagWords.isEmpty() && tagWords.get(0).equals("epoch");
        boolean training = kind == SeriesKind.TRAIN_LOSS || kind == SeriesKind.TRAIN_ACCURACY;
        XAxis x = override != null ? override : new XAxis(table.column("step"), perEpoch ? "epoch" : "step");
        List<Curve> curves = new ArrayList<>();
        add(curves, table.curve(x.column(), table.column("value"), series, kind, x.name(),
                override != null ? override.isStep() : training && !perEpoch));
        List<String> notes = base.isBlank() || base.equals(".")
                ? List.of("TensorBoard run '" + run + "' is the log folder itself: labelled by the folder, " + label)
                : List.of();
        return new TrainingLog(table.file(), label, LogLayout.TENSORBOARD, curves, List.of(), notes);
    }

    private static String runFolder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? "run" : parent.getFileName().toString();
    }

    private static List<TrainingLog> wandb(LogTable table, XAxis override) {
        XAxis x = override;
        for (int c = 0; x == null && c < table.header().size(); c++) {
            String column = table.header().get(c);
            if (!column.contains(WANDB_SEPARATOR) && table.isNumeric(c)) {
                x = new XAxis(c, column.strip());
            }
        }
        if (x == null) {
            throw new BadInputException(table.file() + ": W&B export without an x column (columns: "
                    + brief(table.header()) + "); pass --x " + Columns.ROW_NUMBER + " to use the row number");
        }
        boolean xIsStep = x.isStep();
        Map<String, List<Curve>> runs = new LinkedHashMap<>();
        for (int c = 0; c < table.header().size(); c++) {
            String column = table.header().get(c);
            int split = column.indexOf(WANDB_SEPARATOR);
            if (c == x.column() || split < 0 || column.endsWith("__MIN") || column.endsWith("__MAX")) {
                continue;
            }
            String run = column.substring(0, split).strip();
            String metric = column.substring(split + WANDB_SEPARATOR.length()).strip();
            SeriesKind kind = SeriesKind.classify(metric);
            boolean perStep = xIsStep && !SeriesKind.words(metric).contains("epoch")
                    && (kind == SeriesKind.TRAIN_LOSS || kind == SeriesKind.TRAIN_ACCURACY || kind == SeriesKind.OTHER);
            List<Curve> curves = runs.computeIfAbsent(run, r -> new ArrayList<>());
            if (table.isNumeric(c)) {
                add(curves, table.curve(x.column(), c, metric, kind, x.name(), perStep));
            }
        }
        List<TrainingLog> logs = new ArrayList<>();
        String note = "x: " + x.name();
        for (Map.Entry<String, List<Curve>> run : runs.entrySet()) {
            logs.add(new TrainingLog(table.file(), run.getKey(), LogLayout.WANDB, run.getValue(), List.of(),
                    List.of(note)));
        }
        return logs;
    }

    /** Percent accuracy to fractions; "accuracies" above 100 become plain values. */
    private static TrainingLog percentAccuracy(TrainingLog log) {
        List<Curve> curves = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Curve curve : log.curves()) {
            double max = curve.max();
            boolean plainName = SeriesKind.words(curve.name()).stream().allMatch(PLAIN_ACCURACY_WORDS::contains);
            if (curve.kind().isAccuracy() && (max > 100 || max > 1 && max < 10 && !plainName)) {
                curves.add(curve.withKind(SeriesKind.OTHER));
                notes.add(curve.name() + ": values up to " + plain(max)
                        + " are not a fraction (nor plainly a percent), so it is read as a plain value, not an accuracy");
            } else if (curve.kind().isAccuracy() && max > 1) {
                curves.add(curve.scaled(0.01));
                notes.add(curve.name() + ": values up to " + plain(max) + " read as percent and divided by 100");
            } else {
                curves.add(curve);
            }
        }
        List<String> all = new ArrayList<>(log.notes());
        all.addAll(notes);
        return new TrainingLog(log.file(), log.label(), log.layout(), curves, log.requested(), all);
    }

    /** Resolves --y against every log of the file: each name must be a numeric column of at least one. */
    private static List<TrainingLog> requested(LogTable table, List<TrainingLog> logs, List<String> ys) {
        if (ys.isEmpty()) {
            return logs;
        }
        for (String y : ys) {
            if (logs.stream().noneMatch(l -> l.curve(y) != null)) {
                int column = table.column(y);
                String why = column >= 0 && !table.isNumeric(column) ? "holds no numbers" : "not found";
                throw new BadInputException(table.file() + ": --y column '" + y + "' " + why + " (columns: "
                        + brief(table.header()) + ")");
            }
        }
        List<TrainingLog> resolved = new ArrayList<>();
        for (TrainingLog log : logs) {
            List<String> names = ys.stream().map(log::curve).filter(c -> c != null).map(Curve::name).toList();
            List<String> missing = ys.stream().filter(y -> log.curve(y) == null).toList();
            resolved.add(log.with(log.curves(), names, missing.isEmpty() ? null
                    : "--y " + String.join(", ", missing) + ": no values in run " + log.label()));
        }
        return resolved;
    }

    private static void add(List<Curve> curves, Curve curve) {
        if (curve != null) {
            curves.add(curve);
        }
    }

    private static String plain(double value) {
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("\\.?0+$", "");
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * An x axis: a column, or the row number ({@code column} -1).
     *
     * @param column the column index, or -1
     * @param name   the axis name shown
     */
    record XAxis(int column, String name) {

        static final XAxis ROW = new XAxis(-1, "row");

        /** @return the column the user named with --x */
        static XAxis named(LogTable table, String name) {
            int column = table.column(name);
            if (column < 0 && name.strip().equalsIgnoreCase(Columns.ROW_NUMBER)) {
                return ROW;
            }
            if (column < 0) {
                throw new BadInputException(table.file() + ": --x column '" + name + "' not found (columns: "
                        + brief(table.header()) + "); --x " + Columns.ROW_NUMBER + " uses the row number");
            }
            if (!table.isNumeric(column)) {
                throw new BadInputException(table.file() + ": --x column '" + name + "' holds no numbers");
            }
            return of(table, column);
        }

        static XAxis of(LogTable table, int column) {
            return new XAxis(column, table.header().get(column).strip());
        }

        /** @return whether each x is one optimisation step: the name says step, iteration or batch */
        boolean isStep() {
            List<String> words = SeriesKind.words(name);
            return !words.contains("epoch") && words.stream().anyMatch(
                    w -> w.equals("step") || w.equals("steps") || w.startsWith("iter") || w.equals("batch"));
        }

        /** @return a note on values left out because their row has no x */
        List<String> notes(LogTable table, List<Curve> curves) {
            List<String> notes = new ArrayList<>();
            for (Curve curve : curves) {
                int missing = table.valuesWithoutX(column, table.column(curve.name()));
                if (missing > 0) {
                    notes.add(curve.name() + ": " + missing + " value" + (missing == 1 ? "" : "s")
                            + " on rows without a " + name + " left out");
                }
            }
            return notes;
        }
    }
}
