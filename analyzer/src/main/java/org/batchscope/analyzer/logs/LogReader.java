package org.batchscope.analyzer.logs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchscope.common.BadInputException;

/**
 * Reads training logs users already have, recognising the layout from the header:
 * <ul>
 *   <li>TensorBoard scalar export: exactly {@code Wall time,Step,Value}; the series name is the tag in
 *       TensorBoard's file name {@code run-<run>-tag-<tag>.csv} (else the file name), x is the step;</li>
 *   <li>W&amp;B export: a {@code Step} column and columns {@code <run> - <metric>}; {@code __MIN} and
 *       {@code __MAX} columns are skipped; each run becomes its own log, labelled by its name;</li>
 *   <li>Lightning {@code metrics.csv}: {@code epoch} and {@code step} columns; validation series and
 *       {@code *_epoch} series are plotted against epoch, the others against step (minibatches);</li>
 *   <li>Keras CSVLogger: first column {@code epoch}, no {@code step}; every other column against epoch.</li>
 * </ul>
 * With --x and --y ({@link Columns}) any CSV is read, whatever its header. Blank cells are missing
 * values. Columns that only hold missing values are left out; a log left with no numeric column is
 * bad input, and so is an unknown header.
 */
public final class LogReader {

    /** TensorBoard's export file name: {@code run-<run>-tag-<tag>.csv}. */
    private static final Pattern TENSORBOARD_NAME = Pattern.compile("run-(.+)-tag-(.+)\\.csv");
    private static final String WANDB_SEPARATOR = " - ";

    /**
     * Columns chosen by the user for a generic CSV.
     *
     * @param x  the x column
     * @param ys the series columns, at least one
     */
    public record Columns(String x, List<String> ys) {
        public Columns {
            if (x == null || x.isBlank() || ys == null || ys.isEmpty()) {
                throw new BadInputException("--x and --y must be given together (got --x " + x + ", --y " + ys + ")");
            }
            ys = List.copyOf(ys);
        }
    }

    private LogReader() {
    }

    /**
     * @param file    the log
     * @param columns the user's --x/--y choice, or null to detect the layout
     * @return one log per run in the file (several only for a W&B export of several runs)
     */
    public static List<TrainingLog> read(Path file, Columns columns) {
        LogTable table = LogTable.read(file);
        List<TrainingLog> logs;
        if (columns != null) {
            logs = List.of(byColumns(table, columns));
        } else if (table.header().equals(List.of("Wall time", "Step", "Value"))) {
            logs = List.of(tensorBoard(table));
        } else if (table.column("Step") >= 0 && table.header().stream().anyMatch(h -> h.contains(WANDB_SEPARATOR))) {
            logs = wandb(table);
        } else if (table.column("epoch") >= 0 && table.column("step") >= 0) {
            logs = List.of(lightning(table));
        } else if (table.column("epoch") == 0) {
            logs = List.of(keras(table));
        } else {
            throw new BadInputException(file + ": unknown log layout (header: " + String.join(",", table.header())
                    + "); expected Keras CSVLogger (epoch,...), Lightning metrics.csv (step, epoch, ...),"
                    + " TensorBoard export (Wall time,Step,Value), a W&B export (Step,<run> - <metric>,...),"
                    + " or pass --x and --y");
        }
        for (TrainingLog log : logs) {
            if (log.curves().isEmpty()) {
                throw new BadInputException(file + ": no numeric column" + (logs.size() > 1 ? " for run " + log.label() : "")
                        + " (columns: " + String.join(", ", table.header()) + ")");
            }
        }
        return logs;
    }

    private static TrainingLog keras(LogTable table) {
        List<Curve> curves = new ArrayList<>();
        for (int c = 1; c < table.header().size(); c++) {
            add(curves, table.curve(0, c, SeriesKind.classify(table.header().get(c)), false));
        }
        return new TrainingLog(table.file(), stem(table.file()), LogLayout.KERAS, curves);
    }

    private static TrainingLog lightning(LogTable table) {
        int epoch = table.column("epoch");
        int step = table.column("step");
        List<Curve> curves = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            if (c == epoch || c == step) {
                continue;
            }
            String name = table.header().get(c);
            SeriesKind kind = SeriesKind.classify(name);
            boolean perEpoch = kind == SeriesKind.VAL_ACCURACY || kind == SeriesKind.VAL_LOSS
                    || name.toLowerCase(Locale.ROOT).endsWith("_epoch");
            add(curves, table.curve(perEpoch ? epoch : step, c, kind, !perEpoch));
        }
        Path parent = table.file().toAbsolutePath().getParent();
        String label = table.file().getFileName().toString().equals("metrics.csv") && parent != null
                ? parent.getFileName().toString() : stem(table.file());
        return new TrainingLog(table.file(), label, LogLayout.LIGHTNING, curves);
    }

    private static TrainingLog tensorBoard(LogTable table) {
        Matcher name = TENSORBOARD_NAME.matcher(table.file().getFileName().toString());
        String run = name.matches() ? name.group(1) : stem(table.file());
        String tag = name.matches() ? name.group(2) : stem(table.file());
        SeriesKind kind = SeriesKind.classify(run.replace("validation", "val") + " " + tag);
        boolean perEpoch = tag.toLowerCase(Locale.ROOT).startsWith("epoch");
        boolean training = kind == SeriesKind.TRAIN_LOSS || kind == SeriesKind.TRAIN_ACCURACY;
        Curve values = table.curve(1, 2, kind, training && !perEpoch);
        List<Curve> curves = new ArrayList<>();
        if (values != null) {
            curves.add(new Curve(tag, kind, perEpoch ? "epoch" : "step", values.perStep(), values.x(), values.y()));
        }
        return new TrainingLog(table.file(), run, LogLayout.TENSORBOARD, curves);
    }

    private static List<TrainingLog> wandb(LogTable table) {
        int step = table.column("Step");
        Map<String, List<Curve>> runs = new LinkedHashMap<>();
        for (int c = 0; c < table.header().size(); c++) {
            String column = table.header().get(c);
            int split = column.indexOf(WANDB_SEPARATOR);
            if (c == step || split < 0 || column.endsWith("__MIN") || column.endsWith("__MAX")) {
                continue;
            }
            String run = column.substring(0, split);
            String metric = column.substring(split + WANDB_SEPARATOR.length());
            SeriesKind kind = SeriesKind.classify(metric);
            Curve curve = table.curve(step, c, kind, kind != SeriesKind.VAL_ACCURACY && kind != SeriesKind.VAL_LOSS);
            List<Curve> curves = runs.computeIfAbsent(run, r -> new ArrayList<>());
            if (curve != null) {
                curves.add(new Curve(metric, kind, "step", curve.perStep(), curve.x(), curve.y()));
            }
        }
        List<TrainingLog> logs = new ArrayList<>();
        runs.forEach((run, curves) -> logs.add(new TrainingLog(table.file(), run, LogLayout.WANDB, curves)));
        return logs;
    }

    private static TrainingLog byColumns(LogTable table, Columns columns) {
        int x = requireColumn(table, columns.x(), "--x");
        List<Curve> curves = new ArrayList<>();
        for (String y : columns.ys()) {
            int c = requireColumn(table, y, "--y");
            add(curves, table.curve(x, c, SeriesKind.classify(y), columns.x().toLowerCase(Locale.ROOT).contains("step")));
        }
        return new TrainingLog(table.file(), stem(table.file()), LogLayout.COLUMNS, curves);
    }

    private static int requireColumn(LogTable table, String name, String option) {
        int c = table.column(name);
        if (c < 0) {
            throw new BadInputException(table.file() + ": " + option + " column '" + name + "' not found (columns: "
                    + String.join(", ", table.header()) + ")");
        }
        return c;
    }

    private static void add(List<Curve> curves, Curve curve) {
        if (curve != null) {
            curves.add(curve);
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
