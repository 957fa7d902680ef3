package org.batchscope.generator.tabular;

import org.batchscope.generator.spec.TabularSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The class-informative part of a row, as in scikit-learn's {@code make_classification}: C = n_classes *
 * n_clusters_per_class Gaussian clusters centred on distinct vertices of the hypercube
 * {@code [-class_sep, class_sep]^k}; cluster c belongs to class {@code c mod n_classes}. A row of
 * cluster c has informative values {@code x = m_c + z A_c} with {@code z ~ N(0, I_k)} and {@code A_c} a
 * k x k matrix of {@code U(-1, 1)} entries; redundant columns are {@code x B} with B a
 * k x n_redundant matrix of {@code U(-1, 1)} entries; repeated columns copy informative or redundant
 * columns picked uniformly. Vertices and matrices are drawn once per spec.
 *
 * <p>Population total variance of the informative columns, with cluster probability
 * {@code pi_c = weight_{class(c)} / n_clusters_per_class} and {@code mbar = sum_c pi_c m_c}:
 * {@code V_inf = sum_c pi_c (||A_c||_F^2 + ||m_c - mbar||^2)}.
 */
final class InformativeFeatures {

    private final int informative;
    private final int classes;
    private final double[][] centroids;
    private final double[][][] covarianceFactors;
    private final double[][] redundantMixing;
    private final int[] repeatedSources;
    private final double populationVariance;

    InformativeFeatures(TabularSpec spec, UniformRandomProvider constants) {
        informative = spec.nInformative();
        classes = spec.nClasses();
        int clusters = classes * spec.nClustersPerClass();
        centroids = new double[clusters][informative];
        int c = 0;
        for (long vertex : distinctVertices(clusters, informative, constants)) {
            for (int j = 0; j < informative; j++) {
                centroids[c][j] = ((vertex >>> j) & 1L) == 1L ? spec.classSep() : -spec.classSep();
            }
            c++;
        }
        covarianceFactors = new double[clusters][informative][informative];
        for (double[][] factor : covarianceFactors) {
            fillUniform(factor, constants);
        }
        redundantMixing = new double[informative][spec.nRedundant()];
        fillUniform(redundantMixing, constants);
        repeatedSources = new int[spec.nRepeated()];
        for (int r = 0; r < repeatedSources.length; r++) {
            repeatedSources[r] = constants.nextInt(informative + spec.nRedundant());
        }
        populationVariance = populationVariance(clusterProbabilities(spec.classWeights(), spec.nClustersPerClass()));
    }

    /** @return the number of columns filled: informative + redundant + repeated */
    int columns() {
        return informative + redundantMixing[0].length + repeatedSources.length;
    }

    /** @return V_inf, the population total variance of the informative columns (see the class comment) */
    double populationVariance() {
        return populationVariance;
    }

    /**
     * Fills {@code out[0, columns())}: informative, then redundant, then repeated columns.
     *
     * @param cluster the row's cluster index within its class, in [0, n_clusters_per_class)
     */
    void fill(int label, int cluster, NormalizedGaussianSampler gauss, double[] out) {
        double[] centroid = centroids[cluster * classes + label];
        double[][] factor = covarianceFactors[cluster * classes + label];
        System.arraycopy(centroid, 0, out, 0, informative);
        for (int i = 0; i < informative; i++) {
            double z = gauss.sample();
            double[] factorRow = factor[i];
            for (int j = 0; j < informative; j++) {
                out[j] += z * factorRow[j];
            }
        }
        int redundant = redundantMixing[0].length;
        for (int r = 0; r < redundant; r++) {
            double sum = 0;
            for (int j = 0; j < informative; j++) {
                sum += out[j] * redundantMixing[j][r];
            }
            out[informative + r] = sum;
        }
        for (int r = 0; r < repeatedSources.length; r++) {
            out[informative + redundant + r] = out[repeatedSources[r]];
        }
    }

    private double populationVariance(double[] probabilities) {
        double[] mean = new double[informative];
        for (int c = 0; c < centroids.length; c++) {
            for (int j = 0; j < informative; j++) {
                mean[j] += probabilities[c] * centroids[c][j];
            }
        }
        double total = 0;
        for (int c = 0; c < centroids.length; c++) {
            double within = 0;
            for (double[] row : covarianceFactors[c]) {
                for (double a : row) {
                    within += a * a;
                }
            }
            double between = 0;
            for (int j = 0; j < informative; j++) {
                between += (centroids[c][j] - mean[j]) * (centroids[c][j] - mean[j]);
            }
            total += probabilities[c] * (within + between);
        }
        return total;
    }

    private double[] clusterProbabilities(List<Double> weights, int clustersPerClass) {
        double[] probabilities = new double[centroids.length];
        for (int c = 0; c < probabilities.length; c++) {
            probabilities[c] = weights.get(c % classes) / clustersPerClass;
        }
        return probabilities;
    }

    private static Set<Long> distinctVertices(int count, int dimensions, UniformRandomProvider rng) {
        Set<Long> vertices = new LinkedHashSet<>();
        while (vertices.size() < count) {
            vertices.add(rng.nextLong() >>> (64 - dimensions));
        }
        return vertices;
    }

    private static void fillUniform(double[][] matrix, UniformRandomProvider rng) {
        for (double[] row : matrix) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 2 * rng.nextDouble() - 1;
            }
        }
    }
}
