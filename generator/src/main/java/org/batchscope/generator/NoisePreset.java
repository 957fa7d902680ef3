package org.batchscope.generator;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.batchscope.common.BadInputException;

/**
 * Named values of the noise-to-feature ratio r, the same for images and tables.
 * r = energy (variance) of structured noise / energy of the class feature; each generator documents
 * how it measures both from the generated data.
 */
public enum NoisePreset {
    /** The feature dominates: r = 0.3. */
    FEATURE_DOMINANT(0.3),
    /** Noise is a few times stronger than the feature: r = 3. */
    NOISE_OVER_FEATURE(3.0),
    /** Noise drowns the feature: r = 30. */
    NOISE_DOMINANT(30.0);

    private final double ratio;

    NoisePreset(double ratio) {
        this.ratio = ratio;
    }

    /** @return the preset's noise-to-feature ratio r */
    public double ratio() {
        return ratio;
    }

    /** @return the name users type, for example {@code noise-over-feature} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param name a preset name as users type it ({@code feature-dominant}, {@code noise-over-feature},
     *             {@code noise-dominant})
     * @throws BadInputException naming --preset and the allowed names
     */
    public static NoisePreset fromCliName(String name) {
        for (NoisePreset preset : values()) {
            if (preset.cliName().equalsIgnoreCase(name)) {
                return preset;
            }
        }
        throw new BadInputException("--preset must be one of "
                + Arrays.stream(values()).map(NoisePreset::cliName).collect(Collectors.joining(", "))
                + " (got " + name + ")");
    }
}
