package org.batchscope.analyzer.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.batchscope.analyzer.metrics.Direction;

/**
 * What a logged column measures, told from its name by meaning rather than spelling. The name is
 * split into words (at anything that is not a letter or digit, and where a lower-case letter meets an
 * upper-case one: {@code val_acc}, {@code valid/loss}, {@code Test Accuracy}, {@code evalLoss}); then
 * <ul>
 *   <li>the role is test when a word is {@code test}, validation when a word is {@code val},
 *       {@code valid}, {@code validation}, {@code eval}, {@code evaluation} or {@code dev}, else training
 *       (so {@code test_loss} never stands for a training or validation loss, and {@code interval} is
 *       not validation);</li>
 *   <li>the quantity is accuracy when a word starts with {@code acc} or is {@code top1}, loss when a
 *       word is or ends with {@code loss} (also {@code nll}, {@code xent}); anything else (learning
 *       rate, time, a user's own metric) is {@link #OTHER}.</li>
 * </ul>
 */
public enum SeriesKind {
    VAL_ACCURACY("validation accuracy", "fraction", Direction.HIGHER_IS_BETTER),
    VAL_LOSS("validation loss", "", Direction.LOWER_IS_BETTER),
    TRAIN_ACCURACY("training accuracy", "fraction", Direction.HIGHER_IS_BETTER),
    TRAIN_LOSS("training loss", "", Direction.LOWER_IS_BETTER),
    TEST_ACCURACY("test accuracy", "fraction", Direction.HIGHER_IS_BETTER),
    TEST_LOSS("test loss", "", Direction.LOWER_IS_BETTER),
    OTHER("value", "", Direction.HIGHER_IS_BETTER);

    private static final Set<String> VALIDATION_WORDS = Set.of("val", "valid", "validation", "eval", "evaluation", "dev");
    private static final Set<String> LOSS_WORDS = Set.of("loss", "nll", "xent", "crossentropy");

    private final String quantity;
    private final String unit;
    private final Direction direction;

    SeriesKind(String quantity, String unit, Direction direction) {
        this.quantity = quantity;
        this.unit = unit;
        this.direction = direction;
    }

    /** @return the kind a column named {@code name} most likely holds */
    public static SeriesKind classify(String name) {
        List<String> words = words(name);
        boolean test = words.contains("test");
        boolean validation = !test && words.stream().anyMatch(VALIDATION_WORDS::contains);
        boolean accuracy = words.stream().anyMatch(w -> w.startsWith("acc") || w.equals("top1"));
        boolean loss = words.stream().anyMatch(w -> LOSS_WORDS.contains(w) || w.endsWith("loss"));
        if (accuracy) {
            return test ? TEST_ACCURACY : validation ? VAL_ACCURACY : TRAIN_ACCURACY;
        }
        if (loss) {
            return test ? TEST_LOSS : validation ? VAL_LOSS : TRAIN_LOSS;
        }
        return OTHER;
    }

    /**
     * @return the lower-case words of a column name: split at every character that is not a letter or
     *         digit and between a lower-case letter and an upper-case one
     */
    public static List<String> words(String name) {
        String spaced = name.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
        List<String> words = new ArrayList<>();
        for (String word : spaced.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** @return whether the kind is an accuracy (a fraction between 0 and 1) */
    public boolean isAccuracy() {
        return this == VAL_ACCURACY || this == TRAIN_ACCURACY || this == TEST_ACCURACY;
    }

    /** @return plain words for the axis, for example {@code "validation accuracy"} */
    public String quantity() {
        return quantity;
    }

    /** @return the unit for the axis: accuracy is a fraction; blank for a loss or value, whose unit the log does not say */
    public String unit() {
        return unit;
    }

    /**
     * @return which way the series improves (decides max_drawdown); for {@link #OTHER} higher is
     *         better unless the column name says loss or error, see {@link Curve#direction()}
     */
    public Direction direction() {
        return direction;
    }
}
