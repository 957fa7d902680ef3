package org.batchscope.analyzer.diagnose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.batchscope.analyzer.metrics.LossSpikes;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.metrics.RunStateRule;
import org.batchscope.analyzer.metrics.SeriesWindow;
import org.batchscope.common.BadInputException;
import org.batchscope.analyzer.logs.Curve;
import org.batchscope.analyzer.logs.LogLayout;
import org.batchscope.analyzer.logs.SeriesKind;
import org.batchscope.analyzer.logs.TrainingLog;

/**
 * The oscillation metrics of a set of training logs. Measured series: validation accuracy,
 * validation loss and training loss (per step or per epoch) wherever a log has them, and every
 * series the user named with --y. Each is measured over its window W, the last ceil(T/2) points, by
 * {@link OscillationMetrics}; a per-step training loss also gets its {@link LossSpikes} count over
 * all steps.
 *
 * @param logs    one entry per log, in the order given
 * @param primary the kind compared across logs (chart 2 and the reading): the first of validation
 *                accuracy, validation loss, training loss, other, that some log has measured; null
 *                when no series was long enough
 */
public record Diagnosis(List<LogDiagnosis> logs, SeriesKind primary) {

    /** The fewest points a series needs: its window of ceil(T/2) points must have two. */
    public static final int MIN_POINTS = 3;

    private static final List<SeriesKind> PRIMARY_ORDER = List.of(SeriesKind.VAL_ACCURACY, SeriesKind.VAL_LOSS,
            SeriesKind.TRAIN_LOSS, SeriesKind.OTHER);

    public Diagnosis {
        logs = List.copyOf(logs);
    }

    /**
     * @param logs       the logs, at least one
     * @param batchSizes the batch size of each log in order, or empty to read them from the labels
     * @throws BadInputException when batch sizes are given but not one per log, or none of the logs
     *                           has a series to measure
     */
    public static Diagnosis of(List<TrainingLog> logs, List<Integer> batchSizes) {
        if (!batchSizes.isEmpty() && batchSizes.size() != logs.size()) {
            throw new BadInputException("--batch-size was given " + batchSizes.size() + " times for "
                    + logs.size() + " logs; give one per log, in order, or none");
        }
        List<LogDiagnosis> diagnosed = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            TrainingLog log = logs.get(i);
            Integer batchSize = batchSizes.isEmpty() ? BatchSizes.fromLabel(log.label()) : batchSizes.get(i);
            List<SeriesDiagnosis> series = new ArrayList<>();
            for (Curve curve : log.curves()) {
                if (isMeasured(curve, log.layout())) {
                    series.add(measure(curve));
                }
            }
            if (series.isEmpty()) {
                throw new BadInputException(log.file() + ": no validation accuracy, validation loss or training loss"
                        + " column to measure (columns read: " + log.curves().stream().map(Curve::name).toList()
                        + "); pass --x and --y to choose columns");
            }
            diagnosed.add(new LogDiagnosis(log, batchSize, series, state(log)));
        }
        SeriesKind primary = null;
        for (SeriesKind kind : PRIMARY_ORDER) {
            if (primary == null && diagnosed.stream().anyMatch(d -> d.first(kind).isPresent())) {
                primary = kind;
            }
        }
        return new Diagnosis(diagnosed, primary);
    }

    /** @return the state of the log's first validation accuracy series ({@link LogDiagnosis#state()}), or null */
    static RunState state(TrainingLog log) {
        Curve accuracy = log.curves().stream().filter(c -> c.kind() == SeriesKind.VAL_ACCURACY).findFirst().orElse(null);
        if (accuracy == null || accuracy.points() < MIN_POINTS) {
            return null;
        }
        boolean lossNotFinite = log.curves().stream().filter(c -> c.kind() == SeriesKind.VAL_LOSS
                || c.kind() == SeriesKind.TRAIN_LOSS).anyMatch(c -> java.util.Arrays.stream(c.y()).anyMatch(v -> !Double.isFinite(v)));
        return RunStateRule.classify(new RunStateRule.Evidence(accuracy.y(), 0, Double.NaN, Double.NaN, lossNotFinite));
    }

    private static boolean isMeasured(Curve curve, LogLayout layout) {
        switch (curve.kind()) {
            case VAL_ACCURACY:
            case VAL_LOSS:
            case TRAIN_LOSS:
                return true;
            case OTHER:
                return layout == LogLayout.COLUMNS;
            default:
                return false;
        }
    }

    private static SeriesDiagnosis measure(Curve curve) {
        Integer spikes = curve.perStep() && curve.kind() == SeriesKind.TRAIN_LOSS
                ? LossSpikes.detect(curve.y()).count() : null;
        if (curve.points() < MIN_POINTS) {
            return new SeriesDiagnosis(curve, 0, null, spikes);
        }
        return new SeriesDiagnosis(curve, SeriesWindow.defaultLength(curve.points()),
                OscillationMetrics.of(curve.y(), curve.direction()), spikes);
    }

    /** @return the logs that have a measured series of the primary kind, with that series */
    public List<LogDiagnosis> comparable() {
        return primary == null ? List.of() : logs.stream().filter(d -> d.first(primary).isPresent()).toList();
    }

    /** @return the measured primary series of a log */
    public Optional<SeriesDiagnosis> primaryOf(LogDiagnosis log) {
        return primary == null ? Optional.empty() : log.first(primary);
    }

    /**
     * @return whether every comparable log has a batch size and they are all different, so chart 2
     *         can use a batch-size axis
     */
    public boolean hasDistinctBatchSizes() {
        Set<Integer> seen = new HashSet<>();
        for (LogDiagnosis log : comparable()) {
            if (log.batchSize() == null || !seen.add(log.batchSize())) {
                return false;
            }
        }
        return !seen.isEmpty();
    }
}
