package org.batchscope.generator.image;

/**
 * What an image shows of its sample. The counterfactual variants are built from a test sample's own
 * layers, so each differs from the original only inside one mask.
 */
public enum Variant {
    /** The sample as drawn. */
    ORIGINAL(""),
    /** Only the iris colour changes, to the nearest other class's colour: differs inside the feature mask. */
    SWAP_FEATURE("swap-feature"),
    /** The same dog on a background of another family: differs outside the foreground mask. */
    SWAP_BACKGROUND("swap-background"),
    /** The background alone, no dog: differs inside the foreground mask. */
    ONLY_BACKGROUND("only-background"),
    /** The dog on a plain grey background: differs outside the foreground mask. */
    ONLY_FOREGROUND("only-foreground");

    private final String suffix;

    Variant(String suffix) {
        this.suffix = suffix;
    }

    /** @return the split folder of this variant's images, for example {@code test-swap-feature} for test */
    public String folder(Split split) {
        return suffix.isEmpty() ? split.folder() : split.folder() + "-" + suffix;
    }

    /** @return the variant's name in files, for example {@code swap-feature} ({@code original} for ORIGINAL) */
    public String cliName() {
        return suffix.isEmpty() ? "original" : suffix;
    }
}
