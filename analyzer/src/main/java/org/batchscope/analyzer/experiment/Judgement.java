package org.batchscope.analyzer.experiment;

import java.util.List;

/**
 * What an experiment concludes from its arms' results.
 *
 * @param claims the tested claims
 * @param chart  the chart that shows the effect
 * @param notes  measurements reported without a verdict (e.g. where each batch size breaks down)
 */
public record Judgement(List<ClaimResult> claims, EffectChart chart, List<String> notes) {

    public Judgement {
        claims = List.copyOf(claims);
        notes = List.copyOf(notes);
    }
}
