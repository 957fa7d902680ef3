package org.batchscope.generator.tabular;

import org.batchscope.generator.spec.TabularSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.batchscope.common.RandomStreams;

/**
 * Everything a table's rows share, drawn once from spec-level streams {@code (seed, -1, part...)}, and
 * the computation of one row from its own stream {@code (seed, split, i)} alone, so row i never depends
 * on the number of rows or threads.
 *
 * <p><b>The ratio r.</b> With {@code V_inf} the population total variance of the informative columns
 * ({@link InformativeFeatures}) and {@code U_b} that of noise block b at unit strength
 * ({@link NoiseBlock#unitVariance()}), block b is written as {@code s_b * value} with
 * {@code s_b = sqrt(r * V_inf * w_b / (sum_b w_b * U_b))} (w_b the block weights), so the population
 * ratio {@code sum_b s_b^2 U_b / V_inf} equals the requested r exactly. Redundant, repeated and iid
 * columns count in neither side. The achieved (sample) r is measured on the generated values before
 * rotation.
 *
 * <p><b>The shortcut rho.</b> In a split with shortcut strength rho, block {@code shortcut_block}
 * (unit strength values v, total variance U) becomes
 * {@code sqrt(1 - rho^2) v + rho sqrt(U) u(y) d}, where y is the written label, {@code u(y) =
 * (y - mu) / sigma} is the label standardised under the label distribution, and d is a fixed random
 * unit vector in the block's column space. The block's total variance stays U, so r is unchanged, and
 * rho^2 is the share of the block's variance explained by the label (rho is the correlation ratio
 * eta); rho = 0 leaves the block label-independent, rho = 1 makes it a function of the label.
 *
 * <p><b>Draw order per row.</b> class (uniform double against the cumulative weights), cluster within
 * the class, flip target, the informative Gaussians, each noise block in order, the iid columns.
 */
final class TabularModel {

    private static final long SPEC_TAG = -1;

    private final TabularSpec spec;
    private final ColumnLayout layout;
    private final InformativeFeatures informative;
    private final List<NoiseBlock> blocks = new ArrayList<>();
    private final double[] scales;
    private final double[] cumulativeWeights;
    private final double[] labelCode;
    private final double[] shortcutDirection;
    private final OutputMapping mapping;

    TabularModel(TabularSpec spec) {
        this.spec = spec;
        long seed = spec.seed();
        layout = new ColumnLayout(spec);
        informative = new InformativeFeatures(spec, RandomStreams.stream(seed, SPEC_TAG, 0));
        double weightedUnit = 0;
        double weightSum = 0;
        for (int b = 0; b < spec.noiseBlocks().size(); b++) {
            NoiseBlockSpec block = spec.noiseBlocks().get(b);
            blocks.add(block.create(RandomStreams.stream(seed, SPEC_TAG, 1, b)));
            weightSum += block.weight();
        }
        scales = new double[blocks.size()];
        for (int b = 0; b < scales.length; b++) {
            double share = spec.noiseBlocks().get(b).weight() / weightSum;
            scales[b] = Math.sqrt(spec.ratio() * informative.populationVariance() * share / blocks.get(b).unitVariance());
        }
        cumulativeWeights = new double[spec.nClasses()];
        double cumulative = 0;
        for (int k = 0; k < cumulativeWeights.length; k++) {
            cumulative += spec.classWeights().get(k);
            cumulativeWeights[k] = cumulative;
        }
        cumulativeWeights[cumulativeWeights.length - 1] = 1.0;
        labelCode = standardisedLabelCode(spec);
        shortcutDirection = blocks.isEmpty() ? new double[0]
                : randomUnitVector(blocks.get(spec.shortcutBlock()).columns(), RandomStreams.stream(seed, SPEC_TAG, 4));
        mapping = OutputMapping.of(spec, layout, seed);
    }

    TabularSpec spec() {
        return spec;
    }

    ColumnLayout layout() {
        return layout;
    }

    OutputMapping mapping() {
        return mapping;
    }

    /** @return V_inf, the population total variance of the informative columns */
    double informativeVariance() {
        return informative.populationVariance();
    }

    /** @return s_b, the scale of each noise block */
    double[] blockScales() {
        return scales.clone();
    }

    /**
     * Computes one row.
     *
     * @param flipped whether this row's label is flipped ({@link LabelFlips})
     * @param rho     the split's shortcut strength
     * @param latent  receives the latent (pre-rotation) values, {@code layout().size()} of them
     * @return the written label
     */
    int row(Split split, long index, boolean flipped, double rho, double[] latent) {
        UniformRandomProvider rng = RandomStreams.stream(spec.seed(), split.ordinal(), index);
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double u = rng.nextDouble();
        int label = 0;
        while (u >= cumulativeWeights[label]) {
            label++;
        }
        int cluster = rng.nextInt(spec.nClustersPerClass());
        int flipOffset = 1 + rng.nextInt(spec.nClasses() - 1);
        informative.fill(label, cluster, gauss, latent);
        int written = flipped ? (label + flipOffset) % spec.nClasses() : label;
        int offset = layout.structuredStart();
        for (int b = 0; b < blocks.size(); b++) {
            NoiseBlock block = blocks.get(b);
            block.fill(rng, gauss, index, latent, offset);
            if (b == spec.shortcutBlock() && rho > 0) {
                double keep = Math.sqrt(1 - rho * rho);
                double shift = rho * Math.sqrt(block.unitVariance()) * labelCode[written];
                for (int j = 0; j < block.columns(); j++) {
                    latent[offset + j] = keep * latent[offset + j] + shift * shortcutDirection[j];
                }
            }
            for (int j = 0; j < block.columns(); j++) {
                latent[offset + j] *= scales[b];
            }
            offset += block.columns();
        }
        for (int j = offset; j < latent.length; j++) {
            latent[j] = spec.noiseStd() * gauss.sample();
        }
        return written;
    }

    /**
     * @return {@code u_k = (k - mu) / sigma} with mu and sigma^2 the mean and variance of the written
     *         label, whose distribution is {@code p'_k = p_k (1 - f) + (1 - p_k) f / (K - 1)}
     */
    private static double[] standardisedLabelCode(TabularSpec spec) {
        int classes = spec.nClasses();
        double f = spec.flipY();
        double[] written = new double[classes];
        double mean = 0;
        for (int k = 0; k < classes; k++) {
            double p = spec.classWeights().get(k);
            written[k] = p * (1 - f) + (1 - p) * f / (classes - 1);
            mean += k * written[k];
        }
        double variance = 0;
        for (int k = 0; k < classes; k++) {
            variance += written[k] * (k - mean) * (k - mean);
        }
        double[] code = new double[classes];
        for (int k = 0; k < classes; k++) {
            code[k] = (k - mean) / Math.sqrt(variance);
        }
        return code;
    }

    private static double[] randomUnitVector(int size, UniformRandomProvider rng) {
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] v = new double[size];
        double norm = 0;
        while (norm == 0) {
            norm = 0;
            for (int j = 0; j < size; j++) {
                v[j] = gauss.sample();
                norm += v[j] * v[j];
            }
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < size; j++) {
            v[j] /= norm;
        }
        return v;
    }
}
