package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.batchscope.common.BadInputException;

/**
 * A batch size as the user asks for it: a positive integer, or {@code full} (batch gradient descent: one
 * step per epoch over the whole training set), which {@link #resolve} turns into the training-set size n
 * of each dataset at plan time. Written to JSON as the number or the string {@code "full"}.
 *
 * @param fixed the size, or null for {@code full}
 */
public record BatchSize(Integer fixed) {

    /** The word for batch gradient descent, in labels and on the command line (any case). */
    public static final String FULL_NAME = "full";
    /** Batch gradient descent. */
    public static final BatchSize FULL = new BatchSize(null);

    public BatchSize {
        BadInputException.require(fixed == null || fixed >= 1, "--batch-sizes", "positive integers or full", fixed);
    }

    /** @return a fixed batch size */
    public static BatchSize of(int size) {
        return new BatchSize(size);
    }

    /** @return {@code full} (any case) or a positive integer, from the command line or a spec file */
    @JsonCreator
    public static BatchSize parse(Object text) {
        String s = String.valueOf(text).trim();
        if (s.equalsIgnoreCase(FULL_NAME)) {
            return FULL;
        }
        try {
            return of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            throw new BadInputException("--batch-sizes must be positive integers or full (got " + s + ")");
        }
    }

    /** @return whether this is {@code full} */
    public boolean isFull() {
        return fixed == null;
    }

    /** @return the size for a training set of {@code n} samples: n for {@code full}, else the fixed size */
    public int resolve(int n) {
        return isFull() ? n : fixed;
    }

    /** @return {@code "full"} or the number */
    @JsonValue
    public Object json() {
        return isFull() ? FULL_NAME : fixed;
    }

    @Override
    public String toString() {
        return isFull() ? FULL_NAME : String.valueOf(fixed);
    }
}
