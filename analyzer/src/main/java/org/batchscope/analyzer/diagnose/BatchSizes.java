package org.batchscope.analyzer.diagnose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a batch size out of a log's label when it says one: {@code bs8}, {@code batch64},
 * {@code batch_size=32}, {@code bsz-16} (case-insensitive; the number must end the word). A lone
 * {@code b} is not read as batch: {@code vit_b16} is a ViT-B with 16-pixel patches.
 */
final class BatchSizes {

    private static final Pattern IN_LABEL = Pattern.compile(
            "(?i)(?:^|[^a-z0-9])(?:bs|bsz|batch[_-]?size|batch)[_=-]?(\\d{1,6})(?![0-9])");

    private BatchSizes() {
    }

    /** @return the batch size the label names, or null */
    static Integer fromLabel(String label) {
        Matcher m = IN_LABEL.matcher(label);
        if (!m.find()) {
            return null;
        }
        int size = Integer.parseInt(m.group(1));
        return size >= 1 ? size : null;
    }
}
