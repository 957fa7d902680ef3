package org.batchscope.generator.image;

import org.batchscope.generator.image.background.BackgroundFamily;

/**
 * One drawn and calibrated sample: its class, label, background family, dog and layers.
 *
 * @param split         the split it belongs to
 * @param index         its index within the split
 * @param trueClass     the class its eyes show
 * @param label         the recorded label: {@code trueClass}, or another class when flipped
 * @param flipped       whether label noise flipped the label
 * @param swapClass     the class whose eye colour the swap-feature counterfactual shows (nearest other colour)
 * @param family        the background family
 * @param swapFamily    the family of the swap-background counterfactual, null with a single family
 * @param dog           the dog
 * @param scene         the layers
 * @param calibration   contrast, colour scale and the achieved ratio r
 * @param original      the ORIGINAL image (row-major RGB bytes) composed at {@code calibration}, the one its
 *                      ratio was measured on; shared, read it through {@link SampleFactory#render}, which copies
 */
public record Sample(Split split, long index, int trueClass, int label, boolean flipped, int swapClass,
        BackgroundFamily family, BackgroundFamily swapFamily, Dog dog, Scene scene,
        RatioCalibrator.Calibration calibration, byte[] original) {

    /** @return the file id: the index zero-padded to 7 digits */
    public String id() {
        String digits = Long.toString(index); // as String.format("%07d", index), without the formatter
        return digits.length() >= 7 ? digits : "0000000".substring(digits.length()) + digits;
    }

    /** @return the class an image of this variant is filed under: the label for ORIGINAL, the shown eye class otherwise */
    public int folderClass(Variant variant) {
        return switch (variant) {
            case ORIGINAL -> label;
            case SWAP_FEATURE -> swapClass;
            default -> trueClass;
        };
    }
}
