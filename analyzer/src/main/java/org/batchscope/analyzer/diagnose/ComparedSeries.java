package org.batchscope.analyzer.diagnose;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.batchscope.analyzer.logs.SeriesKind;

/**
 * Chooses, among a log's measured series of one kind, the one compared across logs, and says why when
 * there was a choice. Preference, in order:
 * <ol>
 *   <li>once per epoch or evaluation over per step (Lightning's {@code val_acc_epoch} over
 *       {@code val_acc_step});</li>
 *   <li>a plain name: once the role words (train, val, test, ...) and the epoch/step suffix are taken
 *       off, only {@code acc}/{@code accuracy} or {@code loss} is left ({@code val_acc_epoch} over
 *       {@code val_acc_mean_pos_epoch});</li>
 *   <li>more points;</li>
 *   <li>column order.</li>
 * </ol>
 */
final class ComparedSeries {

    private static final Set<String> ROLE_AND_SUFFIX_WORDS = Set.of("train", "training", "val", "valid", "validation",
            "eval", "evaluation", "dev", "epoch", "step", "test");
    private static final Set<String> PLAIN = Set.of("acc", "accuracy", "loss");

    private ComparedSeries() {
    }

    /**
     * @param series the measured series of one log, in column order
     * @param kind   the kind compared
     * @return the chosen series, if the log has a measured one of that kind
     */
    static Optional<SeriesDiagnosis> choose(List<SeriesDiagnosis> series, SeriesKind kind) {
        List<SeriesDiagnosis> candidates = series.stream().filter(s -> s.measured() && s.curve().kind() == kind).toList();
        Comparator<SeriesDiagnosis> preference = Comparator
                .comparing((SeriesDiagnosis s) -> s.curve().perStep())
                .thenComparing(s -> !isPlain(s.curve().name()))
                .thenComparing(s -> -s.curve().points());
        return candidates.stream().min(preference);
    }

    /** @return the names of the other measured series of the same kind, for the note on the choice */
    static List<String> alternatives(List<SeriesDiagnosis> series, SeriesDiagnosis chosen) {
        return series.stream().filter(s -> s != chosen && s.measured() && s.curve().kind() == chosen.curve().kind())
                .map(s -> s.curve().name()).toList();
    }

    static boolean isPlain(String name) {
        List<String> rest = SeriesKind.words(name).stream().filter(w -> !ROLE_AND_SUFFIX_WORDS.contains(w)).toList();
        return rest.size() == 1 && PLAIN.contains(rest.get(0));
    }
}
