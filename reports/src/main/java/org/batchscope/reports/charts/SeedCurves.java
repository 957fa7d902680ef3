package org.batchscope.reports.charts;

import java.util.List;

/**
 * One quantity over training (for example validation accuracy per epoch) for every seed of a cell,
 * on an x grid the seeds share.
 *
 * @param quantity what is measured, for example {@code "validation accuracy"}
 * @param unit     its unit, for example {@code "fraction"}; blank when unknown (a loss as logged)
 * @param x        the shared x values (epoch or step), ascending
 * @param seeds    one y array per seed, each as long as {@code x}; at least one
 */
public record SeedCurves(String quantity, String unit, double[] x, List<double[]> seeds) {

    public SeedCurves {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException(quantity + ": no seed curves");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException(quantity + ": no points");
        }
        for (int s = 0; s < seeds.size(); s++) {
            if (seeds.get(s).length != x.length) {
                throw new IllegalArgumentException(quantity + ": seed " + s + " has " + seeds.get(s).length
                        + " points but x has " + x.length);
            }
        }
        x = x.clone();
        seeds = seeds.stream().map(double[]::clone).toList();
    }

    /** @return the pointwise mean over seeds, (1/S) sum_s y_s(t) */
    public double[] mean() {
        double[] mean = new double[x.length];
        for (double[] seed : seeds) {
            for (int t = 0; t < x.length; t++) {
                mean[t] += seed[t] / seeds.size();
            }
        }
        return mean;
    }

    /** @return the pointwise minimum over seeds */
    public double[] min() {
        return extreme(-1);
    }

    /** @return the pointwise maximum over seeds */
    public double[] max() {
        return extreme(1);
    }

    private double[] extreme(int sign) {
        double[] result = seeds.get(0).clone();
        for (double[] seed : seeds) {
            for (int t = 0; t < x.length; t++) {
                result[t] = sign > 0 ? Math.max(result[t], seed[t]) : Math.min(result[t], seed[t]);
            }
        }
        return result;
    }

    /**
     * @return the axis label, {@code "quantity (unit)"}, with "validation" and "training" shortened
     *         to "val." and "train." so that stacked panels keep their labels apart
     */
    public String axisLabel() {
        String shortQuantity = quantity.replace("validation", "val.").replace("training", "train.");
        return unit.isBlank() ? shortQuantity : shortQuantity + " (" + unit + ")";
    }
}
