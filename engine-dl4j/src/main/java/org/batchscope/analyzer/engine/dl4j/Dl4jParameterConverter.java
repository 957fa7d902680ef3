package org.batchscope.analyzer.engine.dl4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies parameters between the canonical {@link ParameterLayout} and a built-in network's DL4J
 * parameters. Tensor by tensor, the canonical shapes equal DL4J's parameter shapes: a dense W is
 * [in][out] in both (DL4J's [nIn, nOut]), a convolution W is [out][in][3][3] in both (DL4J's
 * [nOut, nIn, kH, kW]). Only the storage differs: DL4J keeps dense W in 'f' order inside its
 * flattened parameter vector and puts a convolution's bias before its weights, while the canonical
 * layout is row-major with W before b. Copying through each parameter's shaped view makes the
 * conversion independent of that storage: canonical element (i, j, ...) goes to view element
 * (i, j, ...).
 *
 * <p>The k-th layer that has parameters holds the canonical tensors 2k ("W") and 2k + 1 ("b").
 */
final class Dl4jParameterConverter {

    private record Binding(ParameterLayout.Tensor tensor, INDArray view) {
    }

    private final List<Binding> bindings;
    private final int size;

    /**
     * @throws IllegalStateException when the network's parameter shapes differ from the layout
     */
    Dl4jParameterConverter(ParameterLayout layout, MultiLayerNetwork network) {
        List<Binding> list = new ArrayList<>();
        int k = 0;
        for (Layer layer : network.getLayers()) {
            if (layer.numParams() == 0) {
                continue;
            }
            Map<String, INDArray> table = layer.paramTable();
            list.add(bind(layout.tensors().get(k++), table.get("W")));
            list.add(bind(layout.tensors().get(k++), table.get("b")));
        }
        if (k != layout.tensors().size()) {
            throw new IllegalStateException("the network has " + k + " parameter tensors; the layout has "
                    + layout.tensors().size());
        }
        this.bindings = List.copyOf(list);
        this.size = layout.size();
    }

    private static Binding bind(ParameterLayout.Tensor tensor, INDArray view) {
        long[] expected = new long[tensor.shape().length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = tensor.shape()[i];
        }
        if (!Arrays.equals(expected, view.shape())) {
            throw new IllegalStateException(tensor.name() + " has shape " + Arrays.toString(view.shape())
                    + " in DL4J; the layout says " + Arrays.toString(expected));
        }
        return new Binding(tensor, view);
    }

    /** Writes canonical {@code parameters} into the network's parameter views. */
    void toNetwork(float[] parameters) {
        for (Binding b : bindings) {
            ParameterLayout.Tensor t = b.tensor();
            float[] values = Arrays.copyOfRange(parameters, t.offset(), t.offset() + t.size());
            b.view().assign(Nd4j.create(values, b.view().shape(), 'c'));
        }
    }

    /** @return the network's parameters in the canonical layout */
    float[] fromNetwork() {
        float[] parameters = new float[size];
        for (Binding b : bindings) {
            float[] values = b.view().dup('c').data().asFloat();
            System.arraycopy(values, 0, parameters, b.tensor().offset(), values.length);
        }
        return parameters;
    }
}
