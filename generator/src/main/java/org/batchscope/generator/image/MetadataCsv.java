package org.batchscope.generator.image;

import java.util.List;

/**
 * The rows of {@code <split>/metadata.csv}. Original splits:
 * {@code id, path, label, original_label, flipped, background, achieved_ratio, contrast, colour_scale,
 * eye_radius_px, head_x, head_y, head_radius_px, tilt_deg, fur, ears}; {@code label} is the recorded
 * (possibly flipped) class, {@code original_label} the class the eyes show, {@code path} relative to the
 * dataset root. Counterfactual splits: {@code id, path, label, source_path, source_label, variant,
 * background}; {@code label} is the class the eyes show (the source's class for only-background, which
 * has no dog), {@code background} {@code plain} for only-foreground.
 */
final class MetadataCsv {

    /** The file name of a split's metadata. */
    static final String FILE = "metadata.csv";

    static final String ORIGINAL_HEADER = "id,path,label,original_label,flipped,background,achieved_ratio,contrast,"
            + "colour_scale,eye_radius_px,head_x,head_y,head_radius_px,tilt_deg,fur,ears\n";
    static final String COUNTERFACTUAL_HEADER = "id,path,label,source_path,source_label,variant,background\n";

    private MetadataCsv() {
    }

    /** @return the header of a split's CSV */
    static String header(Variant variant) {
        return variant == Variant.ORIGINAL ? ORIGINAL_HEADER : COUNTERFACTUAL_HEADER;
    }

    /** @return the image's path relative to the dataset root, {@code <split folder>/<class>/<id>.png} */
    static String path(Sample sample, Variant variant, List<String> classes) {
        return variant.folder(sample.split()) + "/" + classes.get(sample.folderClass(variant)) + "/" + sample.id() + ".png";
    }

    /** @return the CSV row of {@code variant} of {@code sample}, ending with a newline */
    static String row(Sample sample, Variant variant, List<String> classes) {
        String path = path(sample, variant, classes);
        if (variant == Variant.ORIGINAL) {
            Dog dog = sample.dog();
            RatioCalibrator.Calibration calibration = sample.calibration();
            return String.join(",", sample.id(), path, classes.get(sample.label()), classes.get(sample.trueClass()),
                    Boolean.toString(sample.flipped()), sample.family().cliName(),
                    number(calibration.achievedRatio()), number(calibration.contrast()),
                    number(calibration.colourScale()), number(dog.eyeRadiusPixels()), number(dog.headX()),
                    number(dog.headY()), number(dog.headRadius()), number(Math.toDegrees(dog.tilt())),
                    furHex(dog.fur()), dog.ears().cliName()) + "\n";
        }
        String background = switch (variant) {
            case SWAP_BACKGROUND -> sample.swapFamily().cliName();
            case ONLY_FOREGROUND -> "plain";
            default -> sample.family().cliName();
        };
        return String.join(",", sample.id(), path, classes.get(sample.folderClass(variant)),
                path(sample, Variant.ORIGINAL, classes), classes.get(sample.label()), variant.cliName(),
                background) + "\n";
    }

    private static String number(double value) {
        return SixDigitText.format(value);
    }

    /** @return a packed 0xRRGGBB colour as {@code #rrggbb} (what {@code String.format("#%06x", rgb)} writes) */
    static String furHex(int rgb) {
        String hex = Integer.toHexString(rgb);
        return "#" + "000000".substring(Math.min(6, hex.length())) + hex;
    }
}
