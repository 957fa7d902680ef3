package org.batchscope.analyzer.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One tested claim: what is claimed, the effect measured for it, the written rule and the verdict the
 * rule gives, and, when the verdict is inconclusive, what would settle it.
 *
 * @param id      a short identifier, unique in the experiment
 * @param claim   the claim in one sentence
 * @param effect  what the effect is, in words (e.g. "detrended_std(B=32) - detrended_std(B=8) at r = 30")
 * @param unit    the effect's unit
 * @param value   the measured effect and its interval
 * @param rule    the rule, in words
 * @param verdict the rule's verdict
 * @param settle  for an inconclusive verdict, what would settle it; null otherwise
 */
public record ClaimResult(@JsonProperty("id") String id, @JsonProperty("claim") String claim,
        @JsonProperty("effect") String effect, @JsonProperty("unit") String unit, @JsonProperty("value") Effect value,
        @JsonProperty("rule") String rule, @JsonProperty("verdict") ClaimVerdict verdict,
        @JsonProperty("settle") String settle) {

    /**
     * Applies {@code rule} to {@code value}. For an inconclusive verdict with a finite interval, the seeds
     * per arm that would settle it: for a directional claim, those that make the interval's half-width h as
     * small as the estimate, n' = ceil(n (h / |estimate|)^2); for an equivalence claim with margin m and
     * |estimate| < m, those that make h smaller than m - |estimate|, n' = ceil(n (h / (m - |estimate|))^2)
     * (the t quantile's fall with n is ignored, so both err high). With fewer than two finished seeds on a
     * side nothing can be said but "more seeds".
     */
    public static ClaimResult judge(String id, String claim, String effect, String unit, Effect value, ClaimRule rule) {
        ClaimVerdict verdict = rule.judge(value);
        String settle = null;
        if (verdict == ClaimVerdict.INCONCLUSIVE) {
            int n = Math.max(value.nA(), 1);
            double room = rule instanceof ClaimRule.Equivalence eq ? eq.margin() - Math.abs(value.estimate())
                    : Math.abs(value.estimate());
            if (!Double.isFinite(value.halfWidth())) {
                settle = "needs at least 2 finished seeds in each arm; run a larger --scale";
            } else if (!(room > 0)) {
                settle = rule instanceof ClaimRule.Equivalence
                        ? "the estimate lies at or beyond the margin; more seeds (--scale large) would tell whether the"
                                + " effect is really outside it"
                        : "the arms do not differ at all at this scale; a larger --scale with more seeds and data"
                                + " would tell a small effect from none";
            } else {
                double ratio = value.halfWidth() / room;
                long needed = (long) Math.ceil(n * ratio * ratio);
                settle = "an interval narrow enough needs about " + Math.max(needed, n + 1L) + " seeds per arm (this"
                        + " run had " + n + "); run --scale large or more seeds";
            }
        }
        return new ClaimResult(id, claim, effect, unit, value, rule.text(), verdict, settle);
    }
}
