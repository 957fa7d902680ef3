package org.batchscope.analyzer.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The data of the one chart that shows an experiment's effect: lines of a measure against x (usually
 * the batch size), each point the mean over seeds with a bar from the lowest to the highest seed. The
 * bar is the range, not an interval: with the 2 to 5 seeds of an experiment a 95% t interval is 2.8 to
 * 12.7 standard errors wide and mostly shows the t quantile (and for a measure that cannot be negative,
 * such as a standard deviation, it reaches below 0); the claims' intervals are in the verdict table. The
 * reports module draws it.
 *
 * @param title  the chart's title
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param logX   whether x is drawn on a log2 scale
 * @param lines  the lines
 */
public record EffectChart(@JsonProperty("title") String title, @JsonProperty("x_label") String xLabel,
        @JsonProperty("y_label") String yLabel, @JsonProperty("log_x") boolean logX,
        @JsonProperty("lines") List<Line> lines) {

    /**
     * One line: a point per x with the mean over seeds and their range (NaN where a point has no
     * finished seed; equal to the mean where it has one).
     *
     * @param name the legend entry
     * @param x    the x values
     * @param mean the means
     * @param low  the lowest seed's value at each x
     * @param high the highest seed's value at each x
     */
    public record Line(@JsonProperty("name") String name, @JsonProperty("x") double[] x,
            @JsonProperty("mean") double[] mean, @JsonProperty("low") double[] low,
            @JsonProperty("high") double[] high) {

        /** @return the line through the seeds' values at each x: their mean and range */
        public static Line of(String name, double[] x, List<double[]> valuesAtX) {
            double[] mean = new double[x.length];
            double[] low = new double[x.length];
            double[] high = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] values = valuesAtX.get(i);
                mean[i] = java.util.Arrays.stream(values).average().orElse(Double.NaN);
                low[i] = java.util.Arrays.stream(values).min().orElse(Double.NaN);
                high[i] = java.util.Arrays.stream(values).max().orElse(Double.NaN);
            }
            return new Line(name, x, mean, low, high);
        }
    }
}
