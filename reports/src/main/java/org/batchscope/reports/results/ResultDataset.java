package org.batchscope.reports.results;

/**
 * One row of {@code summary.json}'s {@code datasets}.
 *
 * @param index              the dataset's index in the sweep
 * @param source             where it was read from (a folder or file path, as given to the analyzer)
 * @param contentSha256      the dataset's content hash, its identity in run configs
 * @param kind               {@code images} or {@code tabular}
 * @param ratio              the noise-to-feature ratio r the sweep assigns it, or null
 * @param achievedRatio      the mean r measured on the generated data, or NaN
 * @param chance             the accuracy of always guessing the most frequent class, fraction
 * @param train              training examples
 * @param gradientNoiseScale the median B_simple = tr(Sigma) / |G|^2 of the runs (examples), which
 *                           stands for the critical batch size; NaN when no run had a finite one
 */
public record ResultDataset(int index, String source, String contentSha256, String kind, Double ratio, double achievedRatio,
        double chance, int train, double gradientNoiseScale) {

    /** The {@code kind} of image datasets. */
    public static final String IMAGES = "images";

    /** @return whether the dataset is made of images (background reliance has image metrics) */
    public boolean isImages() {
        return IMAGES.equals(kind);
    }
}
