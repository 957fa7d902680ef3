package org.batchscope.analyzer.diagnose;

import java.util.List;
import java.util.Optional;
import org.batchscope.analyzer.logs.Curve;
import org.batchscope.analyzer.logs.SeriesKind;
import org.batchscope.analyzer.logs.TrainingLog;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.metrics.RunStateRule;

/**
 * The measurements of one training log.
 *
 * @param log       the log
 * @param batchSize its batch size when known (from --batch-size or the label), else null
 * @param series    one entry per measured series: the --y columns in that order, else in column order
 * @param compared  the series compared across logs, or null when the log has none of the compared kind
 * @param choice    a sentence on how {@code compared} was chosen among others of its kind, or null when
 *                  there was no choice
 * @param state     what its validation accuracy did over the last half ({@link RunStateRule} with the
 *                  evaluation-set size and chance level unknown: no {@code chance} or {@code collapsed}, and a
 *                  resolution of {@value RunStateRule#UNKNOWN_RESOLUTION}); {@code diverged} when a logged
 *                  loss is not finite; null when the log has no validation accuracy with
 *                  {@value Diagnosis#MIN_POINTS} points or more
 */
public record LogDiagnosis(TrainingLog log, Integer batchSize, List<SeriesDiagnosis> series, SeriesDiagnosis compared,
                           String choice, RunState state) {

    public LogDiagnosis {
        series = List.copyOf(series);
    }

    /** @return the first measured series of {@code kind}, if any */
    public Optional<SeriesDiagnosis> first(SeriesKind kind) {
        return series.stream().filter(s -> s.measured() && s.curve().kind() == kind).findFirst();
    }

    /** @return the logged series (measured or not) that hold values that are not finite, in column order */
    public List<Curve> nonFinite() {
        return log.curves().stream().filter(c -> c.nonFinite() != null).toList();
    }

    /** @return the label of the log */
    public String label() {
        return log.label();
    }
}
