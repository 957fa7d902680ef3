package org.batchscope.analyzer.experiment;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of testing one claim: computed by a {@link ClaimRule}, never written by hand. */
public enum ClaimVerdict {
    HOLDS("holds"),
    DOES_NOT_HOLD("does not hold"),
    INCONCLUSIVE("inconclusive");

    private final String words;

    ClaimVerdict(String words) {
        this.words = words;
    }

    /** @return the verdict as printed and written to experiment.json */
    @JsonValue
    public String words() {
        return words;
    }
}
