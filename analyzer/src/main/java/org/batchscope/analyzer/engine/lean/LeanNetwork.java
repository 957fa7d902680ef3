package org.batchscope.analyzer.engine.lean;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.batchscope.analyzer.engine.TensorData;

/**
 * A built-in model as a stack of {@link Layer}s over preallocated buffers for up to {@code capacity}
 * samples: the parameters and their gradients (flat, canonical {@link ParameterLayout}), every layer's
 * activations and activation gradients, and the minibatch's labels and predictions. Nothing is
 * allocated after construction. One network belongs to one thread of one run (a two-thread run has a
 * replica sharing the parameter array, see {@link HalfStepWorker}); {@link #close()} frees
 * the off-heap scratch space of its convolutions.
 *
 * <p>Activation layouts: dense layers work sample-major ({@code [batch][features]}); the convolution
 * blocks work channel-major ({@code [channels][batch][height][width]}) so that one matrix product
 * covers the whole minibatch; {@link ChannelMajorFlatten} turns the last block's output into the
 * canonical C, H, W flattening per sample.
 *
 * <p>A convolution block is specified as conv, ReLU, max-pool; it runs as conv, then ReLU and max-pool
 * fused in one pass ({@link ReluMaxPool2x2}). The order does not matter because ReLU is monotone
 * ({@code max(relu(a), relu(b)) = relu(max(a, b))}), and neither does the gradient: where the window's
 * maximum is positive it goes to the same (first) maximum, and where it is not every input gets 0.
 */
final class LeanNetwork implements AutoCloseable {

    private final ParameterLayout layout;
    private final int capacity;
    private final List<Layer> layers;
    private final SoftmaxCrossEntropy loss;
    private final float[] params;
    private final float[] grads;
    private final float[][] acts;
    private final float[][] dActs;
    private final int[] labels;
    private final int[] predictions;
    /** Input gather: samples are {@code inputPlanes} planes of {@code planeSize} floats. */
    private final int inputPlanes;
    private final int planeSize;
    private final boolean channelMajorInput;
    private int correct;

    LeanNetwork(ModelArchitecture model, int capacity) {
        this(model, capacity, null);
    }

    /**
     * @param sharedParameters the parameter array to read (a replica for a second thread shares the
     *                         first network's array, which nobody writes while the replicas compute),
     *                         or null for a fresh one
     */
    LeanNetwork(ModelArchitecture model, int capacity, float[] sharedParameters) {
        this.layout = ParameterLayout.of(model);
        this.capacity = capacity;
        this.layers = buildLayers(model, layout, capacity);
        this.loss = new SoftmaxCrossEntropy(model.classes());
        if (sharedParameters != null && sharedParameters.length != layout.size()) {
            throw new IllegalArgumentException("shared parameters have " + sharedParameters.length
                    + " floats; the model has " + layout.size());
        }
        this.params = sharedParameters != null ? sharedParameters : new float[layout.size()];
        this.grads = new float[layout.size()];
        this.acts = new float[layers.size() + 1][];
        this.dActs = new float[layers.size() + 1][];
        acts[0] = new float[capacity * layers.get(0).inputSize()];
        for (int i = 0; i < layers.size(); i++) {
            acts[i + 1] = new float[capacity * layers.get(i).outputSize()];
            dActs[i + 1] = new float[capacity * layers.get(i).outputSize()];
        }
        this.labels = new int[capacity];
        this.predictions = new int[capacity];
        int[] shape = model.inputShape();
        this.channelMajorInput = shape.length == 3;
        this.inputPlanes = channelMajorInput ? shape[0] : 1;
        this.planeSize = channelMajorInput ? shape[1] * shape[2] : shape[0];
    }

    private static List<Layer> buildLayers(ModelArchitecture model, ParameterLayout layout, int capacity) {
        List<Layer> layers = new ArrayList<>();
        List<ParameterLayout.Tensor> tensors = layout.tensors();
        int tensor = 0;
        int features;
        List<Integer> hidden;
        if (model instanceof ModelArchitecture.LogisticRegression m) {
            features = m.inputs();
            hidden = List.of();
        } else if (model instanceof ModelArchitecture.Mlp m) {
            features = m.inputs();
            hidden = m.hidden();
        } else if (model instanceof ModelArchitecture.SmallCnn m) {
            int channels = m.channels();
            int height = m.height();
            int width = m.width();
            for (int c : m.convChannels()) {
                layers.add(conv(channels, c, height, width, tensors.get(tensor).offset(), capacity));
                ReluMaxPool2x2 pool = new ReluMaxPool2x2(c, height, width, capacity);
                layers.add(pool);
                tensor += 2;
                channels = c;
                height = pool.outputHeight();
                width = pool.outputWidth();
            }
            layers.add(new ChannelMajorFlatten(channels, height * width));
            features = m.flattenedSize();
            hidden = m.dense();
        } else {
            throw new IllegalArgumentException("the lean engine trains only the built-in models, not " + model);
        }
        for (int h : hidden) {
            layers.add(dense(features, h, tensors.get(tensor).offset(), capacity));
            layers.add(new Relu(h));
            tensor += 2;
            features = h;
        }
        layers.add(dense(features, model.classes(), tensors.get(tensor).offset(), capacity));
        return layers;
    }

    /**
     * @return a {@link DirectConv3x3} for the few input channels of an image ({@link DirectConv3x3#suits}),
     *         else a {@link Conv3x3} (im2col + sgemm). Measured on the benchmark CNN, thread CPU time per
     *         sample (forward / backward without the input gradient; the machine loaded, load average 2-3):
     *         its first convolution (3 to 16 channels, 64 x 64) took 113 / 118 microseconds direct against
     *         166-170 / 173-176 with im2col at batch 1, and 144 / 182-186 against 253-261 / 227-234 at batch
     *         32; its second (16 to 32 channels, 32 x 32, with the input gradient) 325-506 / 647-942 direct
     *         against 384-389 / 650-709 with im2col at batch 32, so no gain there: its K = 144 is a product
     *         that OpenBLAS runs well.
     */
    private static Layer conv(int in, int out, int height, int width, int weightOffset, int capacity) {
        return DirectConv3x3.suits(in) ? new DirectConv3x3(in, out, height, width, weightOffset, capacity)
                : new Conv3x3(in, out, height, width, weightOffset, capacity, Conv3x3.chunkSamples(in, height, width));
    }

    /** @return a {@link BlasDenseLayer} for large layers, else a {@link DenseLayer} */
    private static Layer dense(int in, int out, int weightOffset, int capacity) {
        return (long) in * out >= BlasDenseLayer.MIN_WEIGHTS ? new BlasDenseLayer(in, out, weightOffset, capacity)
                : new DenseLayer(in, out, weightOffset);
    }

    /** @return the canonical parameter layout */
    ParameterLayout layout() {
        return layout;
    }

    /** @return the most samples one call handles */
    int capacity() {
        return capacity;
    }

    /** @return the live parameter array (canonical layout); the optimiser updates it in place */
    float[] parameters() {
        return params;
    }

    /** @return the live gradient array of the last {@link #lossAndGradient} call */
    float[] gradients() {
        return grads;
    }

    /** @return how many samples of the last {@link #lossAndGradient} batch were predicted right */
    int correct() {
        return correct;
    }

    /**
     * Copies {@code count} samples of {@code data} into the input buffer: sample {@code order[from + j]}
     * (or {@code from + j} when {@code order} is null) becomes minibatch row j.
     */
    void load(TensorData data, int[] order, int from, int count) {
        float[] x = data.features();
        float[] input = acts[0];
        int sampleSize = inputPlanes * planeSize;
        for (int j = 0; j < count; j++) {
            int sample = order == null ? from + j : order[from + j];
            labels[j] = data.labels()[sample];
            if (channelMajorInput) {
                for (int c = 0; c < inputPlanes; c++) {
                    System.arraycopy(x, sample * sampleSize + c * planeSize, input, (c * count + j) * planeSize, planeSize);
                }
            } else {
                System.arraycopy(x, sample * sampleSize, input, j * sampleSize, sampleSize);
            }
        }
    }

    /** Forward pass over the loaded {@code batch} samples, filling every layer's activations. */
    void forward(int batch) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(params, acts[i], acts[i + 1], batch);
        }
    }

    /**
     * Forward and backward pass over the loaded minibatch: fills {@link #gradients()} with the gradient
     * of the mean loss and counts {@link #correct()}.
     *
     * @return the minibatch's mean softmax cross-entropy (nats)
     */
    double lossAndGradient(int batch) {
        return lossSumAndGradient(batch, 1f / batch) / batch;
    }

    /**
     * Forward and backward pass over the loaded {@code batch} samples with the loss gradient of each
     * sample scaled by {@code gradientScale}: with {@code 1 / B} for a part of a minibatch of B samples,
     * {@link #gradients()} gets this part's share of the gradient of the minibatch's mean loss.
     * Counts {@link #correct()} over the part.
     *
     * @return the sum over the part of the per-sample softmax cross-entropies (nats)
     */
    double lossSumAndGradient(int batch, float gradientScale) {
        forward(batch);
        int last = layers.size();
        double sum = loss.lossSum(acts[last], labels, batch, gradientScale, dActs[last], predictions, 0);
        correct = 0;
        for (int b = 0; b < batch; b++) {
            if (predictions[b] == labels[b]) {
                correct++;
            }
        }
        for (int i = last - 1; i >= 0; i--) {
            layers.get(i).backward(params, acts[i], acts[i + 1], dActs[i + 1], i == 0 ? null : dActs[i], grads, batch);
        }
        return sum;
    }

    /**
     * Forward and backward pass over the loaded {@code batch} samples that gives each sample's own loss
     * gradient instead of their sum ({@link Layer#perExampleGradients}, per layer before its backward
     * pass, which then computes only the activation gradients): {@code perExample[s]} receives the
     * gradient of sample s's softmax cross-entropy, s < batch. {@link #gradients()} is left alone.
     *
     * @return the sum over the samples of the per-sample losses (nats)
     */
    double perExampleGradients(int batch, float[][] perExample) {
        forward(batch);
        int last = layers.size();
        double sum = loss.lossSum(acts[last], labels, batch, 1f, dActs[last], null, 0);
        for (int i = last - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            layer.perExampleGradients(acts[i], dActs[i + 1], perExample, batch);
            layer.backward(params, acts[i], acts[i + 1], dActs[i + 1], i == 0 ? null : dActs[i], null, batch);
        }
        return sum;
    }

    /**
     * Forward passes over all of {@code data} in chunks of {@link #capacity()}.
     *
     * @param predicted receives the predicted class of every sample, in sample order
     * @return the sum over the samples of the softmax cross-entropy (nats)
     */
    double evaluate(TensorData data, int[] predicted) {
        double sum = 0;
        int last = layers.size();
        for (int from = 0; from < data.count(); from += capacity) {
            int count = Math.min(capacity, data.count() - from);
            load(data, null, from, count);
            forward(count);
            sum += loss.lossSum(acts[last], labels, count, 0f, null, predicted, from);
        }
        return sum;
    }

    /** @return the layers, input to output (the tangent passes of {@link HessianVectorPass} walk them) */
    List<Layer> layers() {
        return layers;
    }

    /** @return activations: [0] the loaded input, [i + 1] the output of layer i */
    float[][] activations() {
        return acts;
    }

    /** @return activation gradients: [i + 1] the loss gradient with respect to the output of layer i */
    float[][] activationGradients() {
        return dActs;
    }

    /** @return the labels of the loaded samples */
    int[] labels() {
        return labels;
    }

    /** @return the loss on the last layer's output */
    SoftmaxCrossEntropy lossFunction() {
        return loss;
    }

    @Override
    public void close() {
        layers.forEach(Layer::close);
    }
}
