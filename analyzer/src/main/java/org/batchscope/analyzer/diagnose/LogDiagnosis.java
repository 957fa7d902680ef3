package org.batchscope.analyzer.diagnose;

import java.util.List;
import java.util.Optional;
import org.batchscope.analyzer.logs.SeriesKind;
import org.batchscope.analyzer.logs.TrainingLog;

/**
 * The measurements of one training log.
 *
 * @param log       the log
 * @param batchSize its batch size when known (from --batch-size or the label), else null
 * @param series    one entry per measured series, in column order
 */
public record LogDiagnosis(TrainingLog log, Integer batchSize, List<SeriesDiagnosis> series) {

    public LogDiagnosis {
        series = List.copyOf(series);
    }

    /** @return the first measured series of {@code kind}, if any */
    public Optional<SeriesDiagnosis> first(SeriesKind kind) {
        return series.stream().filter(s -> s.measured() && s.curve().kind() == kind).findFirst();
    }

    /** @return the label of the log */
    public String label() {
        return log.label();
    }
}
