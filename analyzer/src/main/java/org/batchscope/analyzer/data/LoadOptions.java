package org.batchscope.analyzer.data;

import org.batchscope.common.BadInputException;

/**
 * How to read a dataset the user points at.
 *
 * @param labelColumn the label column of a CSV file ({@code --label-column}; the generator writes {@code label})
 * @param imageSize   the side images are resized to ({@code --image-size}), or null to keep their size
 */
public record LoadOptions(String labelColumn, Integer imageSize) {

    /** The label column the tabular generator writes and the default of {@code --label-column}. */
    public static final String DEFAULT_LABEL_COLUMN = "label";

    public LoadOptions {
        BadInputException.require(labelColumn != null && !labelColumn.isBlank(), "--label-column",
                "a column name", labelColumn);
        BadInputException.require(imageSize == null || (imageSize >= 4 && imageSize <= 1024), "--image-size",
                "an integer in [4, 1024]", imageSize);
    }

    /** @return the defaults: label column {@code label}, images kept at their size */
    public static LoadOptions defaults() {
        return new LoadOptions(DEFAULT_LABEL_COLUMN, null);
    }
}
