package org.batchscope.analyzer.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The data of the one chart that shows an experiment's effect: lines of a measure against x (usually
 * the batch size), each point the mean over seeds with its 95% Student t interval
 * ({@link Effect#mean}). The reports module draws it.
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
     * One line: a point per x with the mean over seeds and its interval (NaN where a point has no
     * finished seed; equal to the mean where it has one).
     *
     * @param name the legend entry
     * @param x    the x values
     * @param mean the means
     * @param low  the intervals' lower ends
     * @param high the intervals' upper ends
     */
    public record Line(@JsonProperty("name") String name, @JsonProperty("x") double[] x,
            @JsonProperty("mean") double[] mean, @JsonProperty("low") double[] low,
            @JsonProperty("high") double[] high) {

        /** @return the line through the seeds' values at each x: mean and 95% t interval */
        public static Line of(String name, double[] x, List<double[]> valuesAtX) {
            double[] mean = new double[x.length];
            double[] low = new double[x.length];
            double[] high = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] values = valuesAtX.get(i);
                Effect e = Effect.mean(values, Effect.LEVEL);
                mean[i] = e.estimate();
                boolean bounded = Double.isFinite(e.low()) && Double.isFinite(e.high());
                low[i] = bounded ? e.low() : e.estimate();
                high[i] = bounded ? e.high() : e.estimate();
            }
            return new Line(name, x, mean, low, high);
        }
    }
}
