package org.batchscope.reports.charts;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A sequential colour scale from {@code lower} to {@code upper} through five stops of the viridis
 * map (dark blue, blue, green, yellow-green, yellow): perceptually even, readable by the common
 * colour-vision deficiencies and monotone in lightness, so it survives greyscale print. A value v
 * maps to t = (v - lower) / (upper - lower), clamped to [0, 1], linearly interpolated between stops;
 * NaN is light grey.
 */
final class ColourRamp implements PaintScale {

    static final Color MISSING = new Color(0xE0E0E0);
    private static final Color[] STOPS = {
        new Color(0x440154), new Color(0x3B528B), new Color(0x21918C), new Color(0x5EC962), new Color(0xFDE725),
    };

    private final double lower;
    private final double upper;

    /** @param lower the value drawn darkest; @param upper the value drawn lightest (upper > lower) */
    ColourRamp(double lower, double upper) {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("colour scale needs upper > lower, got " + lower + ", " + upper);
        }
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return colour(value);
    }

    Color colour(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (STOPS.length - 1);
        int i = Math.min((int) Math.floor(t), STOPS.length - 2);
        double f = t - i;
        Color a = STOPS[i];
        Color b = STOPS[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    /** @return black or white, whichever reads better on {@code background} (relative luminance 0.45) */
    static Color textOn(Color background) {
        double luminance = (0.2126 * background.getRed() + 0.7152 * background.getGreen()
                + 0.0722 * background.getBlue()) / 255;
        return luminance > 0.45 ? Color.BLACK : Color.WHITE;
    }
}
