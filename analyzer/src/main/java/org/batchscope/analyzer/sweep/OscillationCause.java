package org.batchscope.analyzer.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.metrics.RunState;
import org.batchscope.common.files.RunFile;

/**
 * Whether oscillating runs sit at the edge of stability, from their {@value EdgeOfStability#EDGE_RATIO}
 * r = batch sharpness / stability threshold ({@link EdgeOfStability}). Gradient descent on a quadratic
 * with curvature a is stable iff a < 2 / lr (SGD); Cohen et al. (2021, "Gradient Descent on Neural
 * Networks Typically Occurs at the Edge of Stability") find full-batch sharpness rising to that threshold
 * and hovering at it while the loss oscillates, and Andreyev and Beneventano (2024) find the mini-batch
 * batch sharpness settling there. The bands:
 * <ul>
 *   <li>{@link Position#AT_EDGE}: {@value #EDGE_LOW} <= r <= {@value #EDGE_HIGH}, the oscillation is the
 *       optimiser overshooting along its sharpest direction (curvature);</li>
 *   <li>{@link Position#ABOVE}: r > {@value #EDGE_HIGH}, sharper than the step is stable for;</li>
 *   <li>{@link Position#WELL_BELOW}: r < {@value #WELL_BELOW}, every direction the step sees is stable,
 *       so the oscillation comes from the minibatch gradient noise or the data (for example the
 *       background), not from curvature;</li>
 *   <li>{@link Position#BETWEEN}: between the two, no call.</li>
 * </ul>
 */
public final class OscillationCause {

    /** Lower end of the edge band. */
    public static final double EDGE_LOW = 0.8;
    /** Upper end of the edge band. */
    public static final double EDGE_HIGH = 1.25;
    /** Ratios below this are well below the edge. */
    public static final double WELL_BELOW = 0.5;

    /** Where a run sits against its stability threshold. */
    public enum Position { ABOVE, AT_EDGE, BETWEEN, WELL_BELOW }

    private OscillationCause() {
    }

    /** @return the position of edge-of-stability ratio {@code ratio} (finite, >= 0 in practice) */
    public static Position of(double ratio) {
        if (!Double.isFinite(ratio)) {
            throw new IllegalArgumentException("edge_of_stability_ratio must be finite, not " + ratio);
        }
        if (ratio > EDGE_HIGH) {
            return Position.ABOVE;
        }
        if (ratio >= EDGE_LOW) {
            return Position.AT_EDGE;
        }
        return ratio < WELL_BELOW ? Position.WELL_BELOW : Position.BETWEEN;
    }

    /**
     * @return the verdict line about the oscillating runs of {@code cells} that have the ratio (per position,
     *         the cells and ratios), or null when no oscillating run has one
     */
    static String line(List<CellSummary> cells) {
        List<String> parts = new ArrayList<>();
        for (Position position : Position.values()) {
            List<String> runs = new ArrayList<>();
            for (CellSummary c : cells) {
                for (RunFile<?, ?> run : c.runs()) {
                    Double ratio = run.metrics().get(EdgeOfStability.EDGE_RATIO);
                    if (RunState.OSCILLATING.fileName().equals(run.state()) && ratio != null && Double.isFinite(ratio)
                            && of(ratio) == position) {
                        runs.add("B=" + c.batchLabel() + String.format(Locale.ROOT, " (%.3g)", ratio));
                    }
                }
            }
            if (!runs.isEmpty()) {
                parts.add(String.join(", ", runs) + " " + phrase(position));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return "  oscillating runs against the edge of stability (edge_of_stability_ratio = batch sharpness / stability"
                + " threshold, 2/lr for SGD; at the edge for " + EDGE_LOW + " to " + EDGE_HIGH + ", well below under "
                + WELL_BELOW + "): " + String.join("; ", parts) + ".";
    }

    private static String phrase(Position position) {
        return switch (position) {
            case ABOVE -> "above the edge of stability: sharper than the step is stable for";
            case AT_EDGE -> "at the edge of stability: the step overshoots along the sharpest direction (curvature)";
            case BETWEEN -> "below the edge but not well below: no call";
            case WELL_BELOW -> "well below the edge: the oscillation comes from gradient noise or the data (such as"
                    + " the background), not from curvature";
        };
    }
}
