package org.batchscope.analyzer.diagnose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.batchscope.analyzer.logs.Curve;
import org.batchscope.analyzer.logs.SeriesKind;
import org.batchscope.analyzer.logs.TrainingLog;
import org.batchscope.analyzer.metrics.LossSpikes;
import org.batchscope.analyzer.metrics.OscillationMetrics;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.analyzer.metrics.RunStateRule;
import org.batchscope.analyzer.metrics.SeriesWindow;
import org.batchscope.common.BadInputException;

/**
 * The oscillation metrics of a set of training logs. Measured series: the columns the user named with
 * --y, in that order; otherwise every validation accuracy, validation loss, training loss, test
 * accuracy and test loss a log has. Each is measured over its window W, the last ceil(T/2) finite
 * points, by {@link OscillationMetrics}; per-step training losses also get a loss-spike count
 * ({@link LossSpikes}) over the whole series.
 *
 * <p>The compared series: with --y, the first --y column of each log; otherwise the first kind in
 * validation accuracy, validation loss, training loss, test accuracy, test loss that some log has
 * measured (so a test series never stands for a training or validation one), and within a log the
 * series of that kind {@link ComparedSeries} prefers.
 *
 * @param logs    one entry per log, in the order given
 * @param primary the kind of the compared series (of the first log's, with --y); null when no series
 *                was long enough
 */
public record Diagnosis(List<LogDiagnosis> logs, SeriesKind primary) {

    /** The fewest points a series needs: its window of ceil(T/2) points must have two. */
    public static final int MIN_POINTS = 3;

    private static final List<SeriesKind> PRIMARY_ORDER = List.of(SeriesKind.VAL_ACCURACY, SeriesKind.VAL_LOSS,
            SeriesKind.TRAIN_LOSS, SeriesKind.TEST_ACCURACY, SeriesKind.TEST_LOSS);

    public Diagnosis {
        logs = List.copyOf(logs);
    }

    /**
     * @param logs       the logs, at least one
     * @param batchSizes the batch size of each log in order, or empty to read them from the labels
     * @throws BadInputException when batch sizes are given but not one per log, a log has no series to
     *                           measure, or no series of any log has {@value #MIN_POINTS} points
     */
    public static Diagnosis of(List<TrainingLog> logs, List<Integer> batchSizes) {
        if (!batchSizes.isEmpty() && batchSizes.size() != logs.size()) {
            throw new BadInputException("--batch-size was given " + batchSizes.size() + " times for "
                    + logs.size() + " logs; give one per log, in order, or none");
        }
        List<List<SeriesDiagnosis>> measured = new ArrayList<>();
        for (TrainingLog log : logs) {
            List<SeriesDiagnosis> series = new ArrayList<>();
            for (Curve curve : toMeasure(log)) {
                series.add(measure(curve));
            }
            if (series.isEmpty()) {
                throw new BadInputException(log.file() + ": no validation accuracy, validation loss, training loss or"
                        + " test column to measure" + (log.label().isEmpty() ? "" : " in " + log.label())
                        + " (columns read: " + String.join(", ", log.curves().stream().map(Curve::name).toList())
                        + "); pass --y to choose columns");
            }
            measured.add(series);
        }
        if (measured.stream().flatMap(List::stream).noneMatch(SeriesDiagnosis::measured)) {
            List<String> lengths = new ArrayList<>();
            for (int i = 0; i < logs.size(); i++) {
                for (SeriesDiagnosis s : measured.get(i)) {
                    lengths.add(logs.get(i).label() + " " + s.curve().name() + ": " + s.curve().points());
                }
            }
            throw new BadInputException("no series has the " + MIN_POINTS + " finite points the metrics need ("
                    + String.join(", ", lengths) + "); log more epochs or steps");
        }
        SeriesKind primary = primaryKind(logs, measured);
        List<LogDiagnosis> diagnosed = new ArrayList<>();
        for (int i = 0; i < logs.size(); i++) {
            TrainingLog log = logs.get(i);
            List<SeriesDiagnosis> series = measured.get(i);
            Integer batchSize = batchSizes.isEmpty() ? BatchSizes.fromLabel(log.label()) : batchSizes.get(i);
            SeriesDiagnosis compared;
            String choice = null;
            if (!log.requested().isEmpty()) {
                compared = series.get(0).measured() ? series.get(0) : null;
            } else {
                compared = primary == null ? null : ComparedSeries.choose(series, primary).orElse(null);
                List<String> others = compared == null ? List.of() : ComparedSeries.alternatives(series, compared);
                if (!others.isEmpty()) {
                    choice = compared.curve().name() + " compared as the " + primary.quantity() + " (also logged: "
                            + String.join(", ", others) + "; pass --y to choose)";
                }
            }
            diagnosed.add(new LogDiagnosis(log, batchSize, series, compared, choice, state(log)));
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
                || c.kind() == SeriesKind.TRAIN_LOSS).anyMatch(c -> c.nonFinite() != null);
        return RunStateRule.classify(new RunStateRule.Evidence(accuracy.y(), 0, Double.NaN, Double.NaN, lossNotFinite));
    }

    private static List<Curve> toMeasure(TrainingLog log) {
        if (!log.requested().isEmpty()) {
            return log.requested().stream().map(log::curve).toList();
        }
        return log.curves().stream().filter(c -> PRIMARY_ORDER.contains(c.kind())).toList();
    }

    private static SeriesKind primaryKind(List<TrainingLog> logs, List<List<SeriesDiagnosis>> measured) {
        for (int i = 0; i < logs.size(); i++) {
            if (!logs.get(i).requested().isEmpty()) {
                SeriesDiagnosis first = measured.get(i).get(0);
                return first.measured() ? first.curve().kind() : null;
            }
        }
        for (SeriesKind kind : PRIMARY_ORDER) {
            if (measured.stream().flatMap(List::stream).anyMatch(s -> s.measured() && s.curve().kind() == kind)) {
                return kind;
            }
        }
        return null;
    }

    private static SeriesDiagnosis measure(Curve curve) {
        Integer spikes = curve.perStep() && curve.kind() == SeriesKind.TRAIN_LOSS && curve.points() > 0
                ? LossSpikes.detect(curve.y()).count() : null;
        if (curve.points() < MIN_POINTS) {
            return new SeriesDiagnosis(curve, 0, null, spikes);
        }
        return new SeriesDiagnosis(curve, SeriesWindow.defaultLength(curve.points()),
                OscillationMetrics.of(curve.y(), curve.direction()), spikes);
    }

    /** @return the logs that have a measured compared series */
    public List<LogDiagnosis> comparable() {
        return logs.stream().filter(d -> d.compared() != null).toList();
    }

    /** @return the measured compared series of a log */
    public Optional<SeriesDiagnosis> primaryOf(LogDiagnosis log) {
        return Optional.ofNullable(log.compared());
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
