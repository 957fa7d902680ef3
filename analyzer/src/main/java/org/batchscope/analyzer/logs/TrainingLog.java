package org.batchscope.analyzer.logs;

import java.nio.file.Path;
import java.util.List;

/**
 * The series of one training run read from a log file (a W&B export may hold several runs and so
 * give several logs).
 *
 * @param file   the file it came from
 * @param label  the name shown in tables and charts
 * @param layout the layout it was read as
 * @param curves the series with at least one value, in column order
 */
public record TrainingLog(Path file, String label, LogLayout layout, List<Curve> curves) {

    public TrainingLog {
        curves = List.copyOf(curves);
    }

    /** @return the same log under another label */
    public TrainingLog withLabel(String newLabel) {
        return new TrainingLog(file, newLabel, layout, curves);
    }
}
