package org.batchscope.analyzer.engine.dl4j;

import java.util.Arrays;
import java.util.List;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.common.BadInputException;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the network a job trains, with the job's optimiser ({@link Dl4jUpdaters}) and starting
 * parameters.
 *
 * <p>Built-in architectures, float32, as {@link ModelArchitecture} defines them: each hidden layer
 * a {@link DenseLayer} with ReLU; each CNN block a {@link ConvolutionLayer} 3x3, stride 1, padding 1,
 * with bias and ReLU, then a max {@link SubsamplingLayer} 2x2, stride 2 (convolution mode Truncate:
 * odd sizes floor); input {@code InputType.convolutional(h, w, c, NCHW)}, whose preprocessor
 * flattens in C, H, W order; last an {@link OutputLayer} with softmax and MCXENT (mean softmax
 * cross-entropy). They start from {@code job.initialParameters()}, or else from
 * {@link ParameterInitializer} with the run's seed, so the same job starts from the same weights in
 * every engine.
 *
 * <p>A user's model ({@link UserModelLoader}) is checked on one training sample: it must accept the
 * data's sample shape and output one value per class.
 */
final class Dl4jNetworkFactory {

    private Dl4jNetworkFactory() {
    }

    /** @return the job's untrained network, with {@code totalSteps} for the learning-rate schedule */
    static Dl4jTrainedModel create(TrainingJob job, long totalSteps) {
        RunConfig config = job.config();
        ModelArchitecture model = config.model();
        MultiLayerConfiguration conf;
        INDArray start = null;
        if (model instanceof ModelArchitecture.UserDl4jModel user) {
            UserModelLoader.Loaded loaded = UserModelLoader.load(user);
            conf = loaded.configuration();
            start = loaded.parameters();
        } else {
            conf = builtIn(model);
        }
        Dl4jUpdaters.configure(conf, config.optimizer(), config.schedule(), totalSteps, config.seed());
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init(start, false);
        if (model instanceof ModelArchitecture.UserDl4jModel user) {
            requireCompatible(network, user, job.train());
            return new Dl4jTrainedModel(network, null);
        }
        ParameterLayout layout = ParameterLayout.of(model);
        Dl4jParameterConverter converter = new Dl4jParameterConverter(layout, network);
        converter.toNetwork(job.initialParameters() != null ? job.initialParameters()
                : ParameterInitializer.initialize(layout, config.init(), config.seed()));
        return new Dl4jTrainedModel(network, converter);
    }

    /** @return the DL4J configuration of a built-in architecture, without updater */
    static MultiLayerConfiguration builtIn(ModelArchitecture model) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT).list();
        if (model instanceof ModelArchitecture.LogisticRegression m) {
            return list.layer(output(m.classes())).setInputType(InputType.feedForward(m.inputs())).build();
        }
        if (model instanceof ModelArchitecture.Mlp m) {
            dense(list, m.hidden());
            return list.layer(output(m.classes())).setInputType(InputType.feedForward(m.inputs())).build();
        }
        if (model instanceof ModelArchitecture.SmallCnn m) {
            for (int channels : m.convChannels()) {
                list.layer(new ConvolutionLayer.Builder(3, 3).stride(1, 1).padding(1, 1).nOut(channels)
                        .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build());
                list.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
                        .stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build());
            }
            dense(list, m.dense());
            return list.layer(output(m.classes()))
                    .setInputType(InputType.convolutional(m.height(), m.width(), m.channels(), CNN2DFormat.NCHW))
                    .build();
        }
        throw new IllegalArgumentException("not a built-in architecture: " + model);
    }

    private static void dense(NeuralNetConfiguration.ListBuilder list, List<Integer> sizes) {
        for (int size : sizes) {
            list.layer(new DenseLayer.Builder().nOut(size).activation(Activation.RELU).build());
        }
    }

    private static OutputLayer output(int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).build();
    }

    /**
     * Reads a user's model and runs it on the first sample of {@code train}, before a sweep starts.
     *
     * @throws org.batchscope.common.BadInputException when the file is not a model or does not fit the data
     */
    static void checkUserModel(ModelArchitecture.UserDl4jModel user, TensorData train) {
        UserModelLoader.Loaded loaded = UserModelLoader.load(user);
        MultiLayerNetwork network = new MultiLayerNetwork(loaded.configuration());
        try {
            network.init(loaded.parameters(), false);
        } catch (RuntimeException e) {
            throw new BadInputException("--model: " + user.path() + " could not be set up as a network: "
                    + UserModelLoader.firstLine(e.getMessage()), e);
        }
        requireCompatible(network, user, train);
    }

    private static void requireCompatible(MultiLayerNetwork network, ModelArchitecture.UserDl4jModel user,
            TensorData train) {
        int[] shape = train.sampleShape();
        float[] sample = Arrays.copyOf(train.features(), train.sampleSize());
        long[] outputShape;
        try {
            outputShape = network.output(Nd4j.create(sample, Dl4jData.shape(1, shape), 'c'), false).shape();
        } catch (RuntimeException e) {
            throw new BadInputException("--model: " + user.path() + " does not accept samples of shape "
                    + Arrays.toString(shape) + ": " + UserModelLoader.firstLine(e.getMessage()), e);
        }
        if (outputShape.length != 2 || outputShape[1] != train.classes()) {
            throw new BadInputException("--model: " + user.path() + " outputs shape " + Arrays.toString(outputShape)
                    + " per sample; expected [1, " + train.classes() + "] for " + train.classes()
                    + " classes");
        }
    }
}
