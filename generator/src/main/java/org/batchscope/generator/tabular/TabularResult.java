package org.batchscope.generator.tabular;

import java.nio.file.Path;
import java.util.Map;
import org.batchscope.generator.SummaryStats;

/**
 * What one generation produced.
 *
 * @param folder          the dataset folder
 * @param columns         written feature columns (label excluded)
 * @param counts          rows per split (file name -> rows), every split included
 * @param achievedRatio   achieved r per written split: sum of sample variances of the structured-noise
 *                        columns / sum of sample variances of the informative columns, before rotation
 * @param ratioSummary    {mean, std, min, max} of the per-split achieved r
 * @param flipped         flipped labels per written split
 * @param contentSha256   the manifest's {@code content_sha256}
 */
public record TabularResult(Path folder, int columns, Map<String, Long> counts, Map<String, Double> achievedRatio,
        SummaryStats.Summary ratioSummary, Map<String, Long> flipped, String contentSha256) {
}
