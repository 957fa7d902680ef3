package org.batchscope.analyzer.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimRuleTest {

    private static Effect interval(double low, double high) {
        return new Effect((low + high) / 2, low, high, 3, 3, 0.95);
    }

    @Test
    void signRuleNeedsTheWholeIntervalOnOneSide() {
        ClaimRule positive = new ClaimRule.Sign(true);
        assertThat(positive.judge(interval(0.01, 0.2))).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(positive.judge(interval(-0.2, -0.01))).isEqualTo(ClaimVerdict.DOES_NOT_HOLD);
        assertThat(positive.judge(interval(-0.01, 0.2))).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(positive.judge(interval(0, 0.2))).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        ClaimRule negative = new ClaimRule.Sign(false);
        assertThat(negative.judge(interval(-0.2, -0.01))).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(negative.judge(interval(0.01, 0.2))).isEqualTo(ClaimVerdict.DOES_NOT_HOLD);
    }

    @Test
    void unboundedOrUndefinedIntervalsAreInconclusive() {
        ClaimRule rule = new ClaimRule.Sign(true);
        assertThat(rule.judge(interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)))
                .isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(rule.judge(new Effect(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0.95)))
                .isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(new ClaimRule.Equivalence(0.02, "accuracy").judge(new Effect(Double.NaN, Double.NaN, Double.NaN, 0, 0,
                0.95))).isEqualTo(ClaimVerdict.INCONCLUSIVE);
    }

    @Test
    void equivalenceRuleNeedsTheIntervalInsideTheBand() {
        ClaimRule rule = new ClaimRule.Equivalence(0.02, "accuracy");
        assertThat(rule.judge(interval(-0.01, 0.015))).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(rule.judge(interval(0.02, 0.1))).isEqualTo(ClaimVerdict.DOES_NOT_HOLD);
        assertThat(rule.judge(interval(-0.3, -0.05))).isEqualTo(ClaimVerdict.DOES_NOT_HOLD);
        assertThat(rule.judge(interval(-0.01, 0.05))).isEqualTo(ClaimVerdict.INCONCLUSIVE);
    }

    @Test
    void inconclusiveClaimsSayWhatWouldSettleThem() {
        ClaimResult unbounded = ClaimResult.judge("x", "c", "e", "u",
                new Effect(0.1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1, 1, 0.95), new ClaimRule.Sign(true));
        assertThat(unbounded.settle()).contains("at least 2 finished seeds");
        // estimate 0.05, half-width 0.1 with 3 seeds: 3 x (0.1 / 0.05)^2 = 12 seeds
        ClaimResult wide = ClaimResult.judge("x", "c", "e", "u", new Effect(0.05, -0.05, 0.15, 3, 3, 0.95),
                new ClaimRule.Sign(true));
        assertThat(wide.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(wide.settle()).contains("about 12 seeds per arm").contains("had 3");
        // equivalence, margin 0.02, estimate 0.004, half-width 0.03 with 2 seeds: 2 x (0.03 / 0.016)^2 = 7.03, so 8 seeds
        ClaimResult equivalence = ClaimResult.judge("x", "c", "e", "u", new Effect(0.004, -0.026, 0.034, 2, 2, 0.95),
                new ClaimRule.Equivalence(0.02, "accuracy"));
        assertThat(equivalence.verdict()).isEqualTo(ClaimVerdict.INCONCLUSIVE);
        assertThat(equivalence.settle()).contains("about 8 seeds per arm");
        ClaimResult settled = ClaimResult.judge("x", "c", "e", "u", new Effect(0.1, 0.05, 0.15, 3, 3, 0.95),
                new ClaimRule.Sign(true));
        assertThat(settled.settle()).isNull();
        assertThat(settled.rule()).contains("entirely above 0");
    }
}
