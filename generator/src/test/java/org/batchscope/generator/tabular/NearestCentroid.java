package org.batchscope.generator.tabular;

/**
 * A nearest-class-centroid classifier on chosen columns, standardised by the training standard
 * deviation of each column: a simple linear classifier for the statistical tests.
 */
final class NearestCentroid {

    private final int[] columns;
    private final double[][] centroids;
    private final double[] scale;

    NearestCentroid(CsvTable train, int[] columns, int classes) {
        this.columns = columns;
        centroids = new double[classes][columns.length];
        scale = new double[columns.length];
        long[] counts = new long[classes];
        double[] mean = new double[columns.length];
        for (int r = 0; r < train.y().length; r++) {
            counts[train.y()[r]]++;
            for (int j = 0; j < columns.length; j++) {
                centroids[train.y()[r]][j] += train.x()[r][columns[j]];
                mean[j] += train.x()[r][columns[j]] / train.y().length;
            }
        }
        for (int r = 0; r < train.y().length; r++) {
            for (int j = 0; j < columns.length; j++) {
                double d = train.x()[r][columns[j]] - mean[j];
                scale[j] += d * d / train.y().length;
            }
        }
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < columns.length; j++) {
                centroids[k][j] /= Math.max(1, counts[k]);
            }
        }
        for (int j = 0; j < columns.length; j++) {
            scale[j] = scale[j] > 0 ? 1 / Math.sqrt(scale[j]) : 0;
        }
    }

    /** @return the share of rows of {@code table} whose label is the nearest centroid's class */
    double accuracy(CsvTable table) {
        int correct = 0;
        for (int r = 0; r < table.y().length; r++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < centroids.length; k++) {
                double distance = 0;
                for (int j = 0; j < columns.length; j++) {
                    double d = (table.x()[r][columns[j]] - centroids[k][j]) * scale[j];
                    distance += d * d;
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = k;
                }
            }
            correct += best == table.y()[r] ? 1 : 0;
        }
        return correct / (double) table.y().length;
    }
}
