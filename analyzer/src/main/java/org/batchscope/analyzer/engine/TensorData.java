package org.batchscope.analyzer.engine;

import java.util.Arrays;

/**
 * Samples and labels in the layout every engine reads: {@code features} holds {@code count} samples
 * back to back, each {@code product(sampleShape)} floats long; images are CHW (channel, row, column),
 * values as the loader scaled them (images: [0, 1]). Labels are class indices in [0, classes).
 * The arrays are shared, not copied: treat them as read-only.
 */
public record TensorData(float[] features, int[] labels, int[] sampleShape, int classes) {

    public TensorData {
        sampleShape = sampleShape.clone();
        int size = Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        if (size <= 0 || features.length != (long) labels.length * size) {
            throw new IllegalArgumentException("features has " + features.length + " floats; expected "
                    + labels.length + " samples x " + size);
        }
        for (int label : labels) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " outside [0, " + classes + ")");
            }
        }
    }

    /** @return the number of samples */
    public int count() {
        return labels.length;
    }

    /** @return the number of floats per sample */
    public int sampleSize() {
        return features.length / Math.max(1, labels.length);
    }

    /** @return the samples at {@code indices}, copied, in that order */
    public TensorData select(int[] indices) {
        int size = Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        float[] x = new float[indices.length * size];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * size, x, i * size, size);
            y[i] = labels[indices[i]];
        }
        return new TensorData(x, y, sampleShape, classes);
    }
}
