package org.batchscope.generator.tabular;

import org.batchscope.generator.spec.TabularSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.batchscope.common.RandomStreams;

/**
 * How latent columns become written columns:
 * <ul>
 *   <li>by default, as they are, with their {@link ColumnLayout} names;</li>
 *   <li>{@code anonymous}: in a random order (stream {@code (seed, -1, 3)}), named {@code x0, x1, ...};</li>
 *   <li>{@code rotate}: {@code x = latent R} with R a random orthogonal d x d matrix (Gram-Schmidt on
 *       Gaussian rows from stream {@code (seed, -1, 2)}, which gives a Haar-distributed R), named
 *       {@code rot_j} (or {@code x_j} when anonymous too). Every written column then mixes informative
 *       and noise columns, so noise cannot be told by its variance; total variance is unchanged.</li>
 * </ul>
 */
final class OutputMapping {

    private final List<String> names;
    private final List<String> roles;
    private final int[] order;
    private final double[][] rotation;

    private OutputMapping(List<String> names, List<String> roles, int[] order, double[][] rotation) {
        this.names = Collections.unmodifiableList(names);
        this.roles = Collections.unmodifiableList(roles);
        this.order = order;
        this.rotation = rotation;
    }

    static OutputMapping of(TabularSpec spec, ColumnLayout layout, long seed) {
        int d = layout.size();
        List<String> names = new ArrayList<>(d);
        List<String> roles = new ArrayList<>(d);
        if (spec.rotate()) {
            for (int o = 0; o < d; o++) {
                names.add((spec.anonymous() ? "x" : "rot_") + o);
                roles.add("rotated");
            }
            return new OutputMapping(names, roles, null, orthogonal(d, RandomStreams.stream(seed, -1, 2)));
        }
        int[] order = new int[d];
        for (int o = 0; o < d; o++) {
            order[o] = o;
        }
        if (spec.anonymous()) {
            UniformRandomProvider rng = RandomStreams.stream(seed, -1, 3);
            for (int o = d - 1; o > 0; o--) {
                int pick = rng.nextInt(o + 1);
                int swap = order[o];
                order[o] = order[pick];
                order[pick] = swap;
            }
        }
        for (int o = 0; o < d; o++) {
            names.add(spec.anonymous() ? "x" + o : layout.names().get(order[o]));
            roles.add(layout.roles().get(order[o]));
        }
        return new OutputMapping(names, roles, order, null);
    }

    /** @return the written column names, label excluded */
    List<String> names() {
        return names;
    }

    /** @return the role of each written column */
    List<String> roles() {
        return roles;
    }

    /** @return the rotation R (written = latent R), or null when not rotated */
    double[][] rotation() {
        return rotation;
    }

    /**
     * Writes the mapped latent row as float32 into {@code out[offset, offset + d)}.
     *
     * @param scratch a buffer of d doubles owned by the calling thread
     */
    void apply(double[] latent, double[] scratch, float[] out, int offset) {
        int d = latent.length;
        if (rotation == null) {
            for (int o = 0; o < d; o++) {
                out[offset + o] = (float) latent[order[o]];
            }
            return;
        }
        java.util.Arrays.fill(scratch, 0.0);
        for (int l = 0; l < d; l++) {
            double value = latent[l];
            double[] row = rotation[l];
            for (int o = 0; o < d; o++) {
                scratch[o] += value * row[o];
            }
        }
        for (int o = 0; o < d; o++) {
            out[offset + o] = (float) scratch[o];
        }
    }

    private static double[][] orthogonal(int d, UniformRandomProvider rng) {
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            double norm = 0;
            while (norm < 1e-6) {
                for (int j = 0; j < d; j++) {
                    q[i][j] = gauss.sample();
                }
                for (int k = 0; k < i; k++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += q[i][j] * q[k][j];
                    }
                    for (int j = 0; j < d; j++) {
                        q[i][j] -= dot * q[k][j];
                    }
                }
                norm = 0;
                for (int j = 0; j < d; j++) {
                    norm += q[i][j] * q[i][j];
                }
                norm = Math.sqrt(norm);
            }
            for (int j = 0; j < d; j++) {
                q[i][j] /= norm;
            }
        }
        return q;
    }
}
