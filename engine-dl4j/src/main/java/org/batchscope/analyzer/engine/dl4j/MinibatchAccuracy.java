package org.batchscope.analyzer.engine.dl4j;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The accuracy of a minibatch before its update. When the network ends in a dense {@link OutputLayer}
 * (every built-in model, most user models), it comes from the training step's own forward pass: DL4J
 * hands the activations entering the output layer to {@link #onForwardPass(Model, List)}, and the
 * predicted class is argmax(a W + b) (the output activation, softmax, keeps the argmax), which costs
 * one small product instead of a second forward pass. Otherwise it costs a separate inference pass
 * ({@code output(x, false)}) before the update.
 */
final class MinibatchAccuracy extends BaseTrainingListener {

    private final MultiLayerNetwork network;
    private final boolean fromTrainingPass;
    private int[] labels;
    private double accuracy = Double.NaN;

    /** Attaches itself to {@code network} as a listener when it can read the training pass. */
    MinibatchAccuracy(MultiLayerNetwork network) {
        this.network = network;
        this.fromTrainingPass = network.getOutputLayer() instanceof OutputLayer;
        if (fromTrainingPass) {
            network.addListeners(this);
        }
    }

    /** Call before fitting {@code batch}. */
    void expect(Dl4jData.Batch batch) {
        labels = batch.labels();
        if (!fromTrainingPass) {
            accuracy = score(network.output(batch.set().getFeatures(), false));
            labels = null;
        }
    }

    /** @return the accuracy of the last batch given to {@link #expect} */
    double accuracy() {
        return accuracy;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (labels == null) {
            return;
        }
        INDArray input = activations.get(activations.size() - 1);
        int last = network.getnLayers() - 1;
        InputPreProcessor pre = network.getLayerWiseConfigurations().getInputPreProcess(last);
        if (pre != null) {
            input = pre.preProcess(input, (int) input.size(0), LayerWorkspaceMgr.noWorkspaces());
        }
        Layer output = network.getOutputLayer();
        accuracy = score(input.mmul(output.getParam("W")).addiRowVector(output.getParam("b")));
        labels = null;
    }

    private double score(INDArray outputs) {
        int[] predicted = Dl4jData.argMaxRows(outputs);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[i]) {
                right++;
            }
        }
        return (double) right / predicted.length;
    }
}
