package org.batchscope.analyzer.experiment;

/**
 * A written rule that turns an {@link Effect} into a {@link ClaimVerdict}. The rule's {@link #text()}
 * is printed beside the verdict in the report and in experiment.json, so a reader can check it.
 */
public sealed interface ClaimRule {

    /** @return the verdict for {@code effect} */
    ClaimVerdict judge(Effect effect);

    /** @return the rule in words */
    String text();

    /**
     * A directional claim: the effect has the claimed sign.
     * Holds when the whole interval lies on the claimed side of 0; does not hold when the whole interval
     * lies on the other side; inconclusive when the interval contains 0.
     *
     * @param positive true when the claim is that the effect is positive
     */
    record Sign(boolean positive) implements ClaimRule {

        @Override
        public ClaimVerdict judge(Effect effect) {
            if (!(effect.low() <= effect.high())) {
                return ClaimVerdict.INCONCLUSIVE;
            }
            boolean above = effect.low() > 0;
            boolean below = effect.high() < 0;
            if (above || below) {
                return above == positive ? ClaimVerdict.HOLDS : ClaimVerdict.DOES_NOT_HOLD;
            }
            return ClaimVerdict.INCONCLUSIVE;
        }

        @Override
        public String text() {
            String side = positive ? "above" : "below";
            String other = positive ? "below" : "above";
            return "holds when the 95% interval of the effect lies entirely " + side + " 0, does not hold when it"
                    + " lies entirely " + other + " 0, inconclusive when it contains 0";
        }
    }

    /**
     * An equivalence claim: the effect is negligible, |effect| < margin (two one-sided tests, read from
     * the interval). Holds when the whole interval lies inside (-margin, margin); does not hold when the
     * whole interval lies outside it (entirely above margin or entirely below -margin); inconclusive
     * otherwise.
     *
     * @param margin the largest effect that counts as negligible, > 0, in the effect's unit
     * @param unit   the unit, for the text
     */
    record Equivalence(double margin, String unit) implements ClaimRule {

        @Override
        public ClaimVerdict judge(Effect effect) {
            if (!(effect.low() <= effect.high())) {
                return ClaimVerdict.INCONCLUSIVE;
            }
            if (effect.low() > -margin && effect.high() < margin) {
                return ClaimVerdict.HOLDS;
            }
            if (effect.low() >= margin || effect.high() <= -margin) {
                return ClaimVerdict.DOES_NOT_HOLD;
            }
            return ClaimVerdict.INCONCLUSIVE;
        }

        @Override
        public String text() {
            return "holds when the 95% interval of the effect lies inside (-" + margin + ", " + margin + ") " + unit
                    + ", does not hold when it lies entirely outside that band, inconclusive otherwise";
        }
    }
}
