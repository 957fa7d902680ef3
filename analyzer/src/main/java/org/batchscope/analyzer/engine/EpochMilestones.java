package org.batchscope.analyzer.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.batchscope.common.BadInputException;

/**
 * A step change at the start of given epochs, written {@code FACTOR@EPOCH[,EPOCH...]} on the command line
 * ({@code 2@10,20}: by a factor 2 at the start of epochs 10 and 20, 0-based, so after 10 and 20 epochs) or
 * {@code none}. With milestones e_1 < e_2 < ... and factor F, epoch e is under the factor
 * F^k(e), k(e) = #{i : e_i <= e}. The batch schedule multiplies the batch size by it ({@link TrainingSchedule}),
 * the learning-rate decay of a sweep divides the rate by it (PyTorch's MultiStepLR with gamma = 1/F, in
 * epochs); Smith et al. 2018, "Don't decay the learning rate, increase the batch size", compare the two.
 *
 * @param factor the factor F, an integer >= 2 (1 with no milestones: {@link #NONE})
 * @param epochs the milestones e_i, strictly increasing, each in [1, {@value #MAX_EPOCH}]
 */
public record EpochMilestones(@JsonProperty("factor") int factor, @JsonProperty("epochs") List<Long> epochs) {

    /** No change: factor 1 at every epoch. */
    public static final EpochMilestones NONE = new EpochMilestones(1, List.of());

    /** The largest milestone accepted, so that step counts stay far from overflow. */
    public static final long MAX_EPOCH = 1_000_000;

    /** The command-line text of {@link #NONE}. */
    public static final String NONE_TEXT = "none";

    private static final String FORMAT = "FACTOR@EPOCH[,EPOCH...] with an integer FACTOR >= 2 and increasing epochs in [1, "
            + MAX_EPOCH + "] (e.g. 2@10,20), or none";

    public EpochMilestones {
        epochs = List.copyOf(epochs);
        if (epochs.isEmpty()) {
            BadInputException.require(factor == 1, "milestones", "factor 1 when no epochs are given", factor);
        } else {
            BadInputException.require(factor >= 2, "milestones", "an integer factor >= 2", factor);
            long previous = 0;
            for (long epoch : epochs) {
                BadInputException.require(epoch > previous && epoch <= MAX_EPOCH, "milestones",
                        "increasing epochs in [1, " + MAX_EPOCH + "]", epochs);
                previous = epoch;
            }
        }
    }

    /**
     * @param option the option or key the text came from, for the message
     * @param text   {@code FACTOR@EPOCH[,EPOCH...]} or {@code none}
     * @throws BadInputException one line naming {@code option} and the format
     */
    public static EpochMilestones parse(String option, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equals(NONE_TEXT)) {
            return NONE;
        }
        int at = trimmed.indexOf('@');
        try {
            if (at > 0) {
                int factor = Integer.parseInt(trimmed.substring(0, at).trim());
                List<Long> epochs = new ArrayList<>();
                for (String part : trimmed.substring(at + 1).split(",", -1)) {
                    epochs.add(Long.parseLong(part.trim()));
                }
                if (factor >= 2 && !epochs.isEmpty()) {
                    return new EpochMilestones(factor, epochs);
                }
            }
        } catch (NumberFormatException | BadInputException e) {
            // reported below with the whole format
        }
        throw new BadInputException(option + " must be " + FORMAT + " (got '" + text + "')");
    }

    /** @return whether this changes nothing */
    @JsonIgnore
    public boolean isNone() {
        return epochs.isEmpty();
    }

    /** @return k(e), the number of milestones at or before epoch {@code epoch} */
    public int changesBy(long epoch) {
        int k = 0;
        while (k < epochs.size() && epochs.get(k) <= epoch) {
            k++;
        }
        return k;
    }

    /** @return F^k for k changes, as a double (exact for the sizes that pass preflight) */
    public double factorAfter(int changes) {
        return Math.pow(factor, changes);
    }

    /** @return the command-line text: {@code none} or {@code F@e1,e2} */
    public String cliText() {
        return isNone() ? NONE_TEXT
                : factor + "@" + epochs.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
