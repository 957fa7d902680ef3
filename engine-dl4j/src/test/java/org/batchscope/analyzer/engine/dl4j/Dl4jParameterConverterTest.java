package org.batchscope.analyzer.engine.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

class Dl4jParameterConverterTest {

    // conv0 3->4, conv1 4->5 on 8x6 -> 4x3 -> 2x1; flatten 5*2*1 = 10; dense0 10->7; dense1 7->3
    private final ModelArchitecture.SmallCnn cnn = new ModelArchitecture.SmallCnn(3, 8, 6, List.of(4, 5), List.of(7), 3);
    private final ParameterLayout layout = ParameterLayout.of(cnn);
    private final MultiLayerNetwork network = new MultiLayerNetwork(Dl4jNetworkFactory.builtIn(cnn));
    private final Dl4jParameterConverter converter;

    Dl4jParameterConverterTest() {
        network.init();
        converter = new Dl4jParameterConverter(layout, network);
    }

    /** Canonical parameter i holds the value i, so every element is distinct and exactly representable. */
    private float[] indexValues() {
        float[] values = new float[layout.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return values;
    }

    @Test
    void roundTripIsExact() {
        float[] canonical = indexValues();
        converter.toNetwork(canonical);
        assertThat(converter.fromNetwork()).containsExactly(canonical);
        assertThat(network.numParams()).isEqualTo(layout.size());
    }

    @Test
    void tensorsMapElementByElement() {
        converter.toNetwork(indexValues());
        ParameterLayout.Tensor conv1 = layout.tensors().get(2);
        // conv1.W [out=5][in=4][3][3], element (3, 2, 1, 2); DL4J layer 2 (after conv0 and its pool)
        assertThat(network.getLayer(2).getParam("W").getFloat(3, 2, 1, 2))
                .isEqualTo(conv1.offset() + ((3 * 4 + 2) * 3 + 1) * 3 + 2);
        ParameterLayout.Tensor dense0 = layout.tensors().get(4);
        // dense0.W [in=10][out=7], element (4, 6); DL4J layer 4
        assertThat(network.getLayer(4).getParam("W").getFloat(4, 6)).isEqualTo(dense0.offset() + 4 * 7 + 6);
        assertThat(network.getLayer(4).getParam("b").getFloat(5)).isEqualTo(layout.tensors().get(5).offset() + 5);
    }

    @Test
    void dl4jStoresConvolutionBiasFirstAndDenseWeightsColumnMajor() {
        converter.toNetwork(indexValues());
        float[] flat = network.params().dup().data().asFloat();
        // conv0: b [4] then W [4][3][3][3] row-major
        assertThat(flat[0]).isEqualTo(layout.tensors().get(1).offset());
        assertThat(flat[4]).isEqualTo(layout.tensors().get(0).offset());
        // dense0 starts after conv0 (4 + 108) and conv1 (5 + 180): W (i, o) at 297 + o * 10 + i
        assertThat(flat[297 + 6 * 10 + 4]).isEqualTo(layout.tensors().get(4).offset() + 4 * 7 + 6);
    }
}
