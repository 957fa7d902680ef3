package org.batchscope.analyzer.diagnose;

import java.util.List;
import java.util.Optional;
import org.batchscope.analyzer.logs.SeriesKind;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.metrics.RunStateRule;
import org.batchscope.analyzer.logs.TrainingLog;

/**
 * The measurements of one training log.
 *
 * @param log       the log
 * @param batchSize its batch size when known (from --batch-size or the label), else null
 * @param series    one entry per measured series, in column order
 * @param state     what its validation accuracy did over the last half ({@link RunStateRule} with the
 *                  evaluation-set size and chance level unknown: no {@code chance} or {@code collapsed}, and a
 *                  resolution of {@value RunStateRule#UNKNOWN_RESOLUTION}); {@code diverged} when a logged
 *                  loss is not finite; null when the log has no validation accuracy with
 *                  {@value Diagnosis#MIN_POINTS} points or more
 */
public record LogDiagnosis(TrainingLog log, Integer batchSize, List<SeriesDiagnosis> series, RunState state) {

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
