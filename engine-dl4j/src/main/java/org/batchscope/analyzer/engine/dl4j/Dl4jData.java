package org.batchscope.analyzer.engine.dl4j;

import org.batchscope.analyzer.engine.TensorData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies samples of a {@link TensorData} into ND4J arrays: features as float32 of shape
 * {@code [n, sampleShape...]} in 'c' order (so CHW images become NCHW), labels one-hot {@code [n, classes]}.
 */
final class Dl4jData {

    private Dl4jData() {
    }

    /**
     * Some samples as ND4J arrays.
     *
     * @param set    features and one-hot labels
     * @param labels the class indices, for accuracies
     */
    record Batch(DataSet set, int[] labels) {
        int size() {
            return labels.length;
        }
    }

    /** @return samples {@code indices[from..to)} of {@code data}, in that order */
    static Batch gather(TensorData data, int[] indices, int from, int to) {
        int n = to - from;
        int size = data.sampleSize();
        float[] x = new float[n * size];
        float[] y = new float[n * data.classes()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int sample = indices[from + i];
            System.arraycopy(data.features(), sample * size, x, i * size, size);
            labels[i] = data.labels()[sample];
            y[i * data.classes() + labels[i]] = 1f;
        }
        return new Batch(new DataSet(Nd4j.create(x, shape(n, data.sampleShape()), 'c'),
                Nd4j.create(y, new long[] {n, data.classes()}, 'c')), labels);
    }

    /** @return {@code [n, sampleShape...]} */
    static long[] shape(int n, int[] sampleShape) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = n;
        for (int i = 0; i < sampleShape.length; i++) {
            shape[i + 1] = sampleShape[i];
        }
        return shape;
    }

    /** @return the index of the largest entry of each row of a 2-d array */
    static int[] argMaxRows(INDArray rows) {
        return rows.argMax(1).toIntVector();
    }
}
