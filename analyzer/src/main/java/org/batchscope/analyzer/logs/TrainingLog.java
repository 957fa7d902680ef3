package org.batchscope.analyzer.logs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The series of one training run read from a log file (a W&amp;B export may hold several runs and so
 * give several logs; several TensorBoard exports of one run give one log).
 *
 * @param file      the file it came from (the first, for merged TensorBoard exports)
 * @param label     the name shown in tables and charts
 * @param layout    the layout it was read as
 * @param curves    the series with at least one value, in column order
 * @param requested the names of the curves the user asked for with --y, in that order (the first is
 *                  the compared one); empty when the series are chosen by meaning
 * @param notes     what the reader decided and the user should know (the x column, percent accuracy
 *                  converted, values without x left out), one sentence each
 */
public record TrainingLog(Path file, String label, LogLayout layout, List<Curve> curves, List<String> requested,
                          List<String> notes) {

    public TrainingLog {
        curves = List.copyOf(curves);
        requested = List.copyOf(requested);
        notes = List.copyOf(notes);
    }

    /** @return the same log under another label */
    public TrainingLog withLabel(String newLabel) {
        return new TrainingLog(file, newLabel, layout, curves, requested, notes);
    }

    /** @return the same log with other curves, requested names and one more note (when not null) */
    TrainingLog with(List<Curve> newCurves, List<String> newRequested, String note) {
        List<String> all = new ArrayList<>(notes);
        if (note != null) {
            all.add(note);
        }
        return new TrainingLog(file, label, layout, newCurves, newRequested, all);
    }

    /** @return the curve with this name (ignoring case), or null */
    public Curve curve(String name) {
        return curves.stream().filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
    }
}
