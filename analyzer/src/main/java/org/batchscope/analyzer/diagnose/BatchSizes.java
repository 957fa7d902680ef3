package org.batchscope.analyzer.diagnose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a batch size out of a log's label when it says one: {@code bs8}, {@code batch64},
 * {@code batch_size=32}, {@code b-16} (case-insensitive; the number must end the word).
 */
final class BatchSizes {

    private static final Pattern IN_LABEL = Pattern.compile(
            "(?i)(?:^|[^a-z0-9])(?:bs|batch[_-]?size|batch|b)[_=-]?(\\d{1,6})(?![0-9])");

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
