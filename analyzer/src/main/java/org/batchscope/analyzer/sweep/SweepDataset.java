package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;

/**
 * One dataset of a sweep and how it was read. {@link #ref()} is its identity in run configs.
 *
 * @param data    the loaded splits
 * @param ratio   the noise-to-feature ratio r the sweep assigns it (from {@code --ratios}, or the
 *                generated dataset's spec), or null for a user's dataset
 * @param options how it was read (image size, label column)
 */
public record SweepDataset(LoadedDataset data, Double ratio, LoadOptions options) {

    /**
     * What identifies a dataset in a run's config (and so in its hash).
     *
     * @param contentSha256 the dataset's content hash ({@link LoadedDataset#contentSha256()})
     * @param kind          images or tabular
     * @param ratio         r, or null
     * @param imageSize     {@code --image-size}, or null
     * @param labelColumn   {@code --label-column}
     */
    public record Ref(@JsonProperty("content_sha256") String contentSha256, @JsonProperty("kind") String kind,
            @JsonProperty("ratio") Double ratio, @JsonProperty("image_size") Integer imageSize,
            @JsonProperty("label_column") String labelColumn) {
    }

    /** @return this dataset's identity */
    public Ref ref() {
        return new Ref(data.contentSha256(), data.kind(), ratio, options.imageSize(), options.labelColumn());
    }
}
