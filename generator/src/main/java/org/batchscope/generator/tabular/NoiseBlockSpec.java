package org.batchscope.generator.tabular;

import org.batchscope.generator.spec.TabularSpec;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.apache.commons.rng.UniformRandomProvider;
import org.batchscope.common.BadInputException;

/**
 * One structured-noise block of a table, as the user writes it in {@code noise_blocks}: a {@code kind}
 * and the block's size and relative strength {@code weight}. All blocks are label-independent unless
 * chosen as the shortcut block (see {@link TabularSpec#rho()}).
 *
 * <p>The block strengths are set from the requested ratio r: block b receives the share
 * {@code weight_b / sum(weight)} of the structured-noise variance {@code r * V_inf}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NoiseBlockSpec.Factor.class, name = "factor"),
    @JsonSubTypes.Type(value = NoiseBlockSpec.Periodic.class, name = "periodic"),
    @JsonSubTypes.Type(value = NoiseBlockSpec.Cluster.class, name = "cluster"),
    @JsonSubTypes.Type(value = NoiseBlockSpec.Drift.class, name = "drift"),
    @JsonSubTypes.Type(value = NoiseBlockSpec.Categorical.class, name = "categorical"),
})
public sealed interface NoiseBlockSpec {

    /** Largest number of columns one block may have. */
    int MAX_COLUMNS = 10_000;

    /** @return the kind as written in specs ({@code factor}, {@code periodic}, ...) */
    String kind();

    /** @return the number of columns the block produces */
    Integer columns();

    /** @return the block's relative share of the structured-noise variance */
    Double weight();

    /**
     * Draws the block's spec-level constants (loadings, centres, phases) from {@code constants}.
     *
     * @return the block generator
     */
    NoiseBlock create(UniformRandomProvider constants);

    /**
     * A low-rank latent factor model: {@code factors} hidden standard-normal factors drive
     * {@code columns} strongly correlated columns.
     */
    record Factor(@JsonProperty("columns") Integer columns, @JsonProperty("factors") Integer factors,
            @JsonProperty("weight") Double weight) implements NoiseBlockSpec {
        public Factor {
            columns = orDefault(columns, 8);
            factors = orDefault(factors, 2);
            weight = orDefault(weight, 1.0);
            requireColumns("factor", columns);
            BadInputException.require(factors >= 1 && factors <= columns, "noise_blocks[factor].factors",
                    "an integer in [1, columns=" + columns + "]", factors);
            requireWeight("factor", weight);
        }

        @Override
        public String kind() {
            return "factor";
        }

        @Override
        public NoiseBlock create(UniformRandomProvider constants) {
            return new FactorNoise(columns, factors, constants);
        }
    }

    /** Sinusoids of one hidden phase per row: column j is {@code sin(f_j * theta + phi_j)}. */
    record Periodic(@JsonProperty("columns") Integer columns, @JsonProperty("weight") Double weight)
            implements NoiseBlockSpec {
        public Periodic {
            columns = orDefault(columns, 4);
            weight = orDefault(weight, 1.0);
            requireColumns("periodic", columns);
            requireWeight("periodic", weight);
        }

        @Override
        public String kind() {
            return "periodic";
        }

        @Override
        public NoiseBlock create(UniformRandomProvider constants) {
            return SineNoise.periodic(columns, constants);
        }
    }

    /** A Gaussian mixture of {@code components} equally likely components that ignore the label. */
    record Cluster(@JsonProperty("columns") Integer columns, @JsonProperty("components") Integer components,
            @JsonProperty("weight") Double weight) implements NoiseBlockSpec {
        public Cluster {
            columns = orDefault(columns, 4);
            components = orDefault(components, 3);
            weight = orDefault(weight, 1.0);
            requireColumns("cluster", columns);
            BadInputException.require(components >= 1 && components <= 1000, "noise_blocks[cluster].components",
                    "an integer in [1, 1000]", components);
            requireWeight("cluster", weight);
        }

        @Override
        public String kind() {
            return "cluster";
        }

        @Override
        public NoiseBlock create(UniformRandomProvider constants) {
            return new ClusterNoise(columns, components, constants);
        }
    }

    /** A slow trend over the row order: sinusoids of a fixed {@code period} in rows. */
    record Drift(@JsonProperty("columns") Integer columns, @JsonProperty("period") Long period,
            @JsonProperty("weight") Double weight) implements NoiseBlockSpec {
        public Drift {
            columns = orDefault(columns, 2);
            period = orDefault(period, 100L);
            weight = orDefault(weight, 1.0);
            requireColumns("drift", columns);
            BadInputException.require(period >= 3 && period <= 1_000_000_000L, "noise_blocks[drift].period",
                    "a number of rows in [3, 1000000000]", period);
            requireWeight("drift", weight);
        }

        @Override
        public String kind() {
            return "drift";
        }

        @Override
        public NoiseBlock create(UniformRandomProvider constants) {
            return SineNoise.drift(columns, period, constants);
        }
    }

    /** One-hot columns of a label-independent category drawn uniformly from {@code categories}. */
    record Categorical(@JsonProperty("categories") Integer categories, @JsonProperty("weight") Double weight)
            implements NoiseBlockSpec {
        public Categorical {
            categories = orDefault(categories, 4);
            weight = orDefault(weight, 1.0);
            BadInputException.require(categories >= 2 && categories <= 1000, "noise_blocks[categorical].categories",
                    "an integer in [2, 1000]", categories);
            requireWeight("categorical", weight);
        }

        @Override
        public String kind() {
            return "categorical";
        }

        @Override
        public Integer columns() {
            return categories;
        }

        @Override
        public NoiseBlock create(UniformRandomProvider constants) {
            return new CategoricalNoise(categories);
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static void requireColumns(String kind, int columns) {
        BadInputException.require(columns >= 1 && columns <= MAX_COLUMNS, "noise_blocks[" + kind + "].columns",
                "an integer in [1, " + MAX_COLUMNS + "]", columns);
    }

    private static void requireWeight(String kind, double weight) {
        BadInputException.require(weight > 0 && weight <= 1e6, "noise_blocks[" + kind + "].weight",
                "a number in (0, 1000000]", weight);
    }
}
