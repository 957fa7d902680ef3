package org.batchscope.analyzer.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.junit.jupiter.api.Test;

/**
 * The canonical layout cut into PyTorch's tensors, on layouts small enough to write out by hand (the
 * expected arrays below are typed from the layout's definition, not computed).
 */
class TorchLayoutTest {

    @Test
    void denseWeightsAreTransposedToOutByIn() {
        // logistic regression 2 -> 3: W[in][out] = {{1, 2, 3}, {4, 5, 6}} row-major, then b = {7, 8, 9}
        List<TorchLayout.Tensor> tensors = TorchLayout.tensors(new ModelArchitecture.LogisticRegression(2, 3),
                new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertThat(tensors).extracting(TorchLayout.Tensor::name).containsExactly("dense0.weight", "dense0.bias");
        assertThat(tensors.get(0).shape()).containsExactly(3, 2);
        assertThat(tensors.get(0).values()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(tensors.get(1).shape()).containsExactly(3);
        assertThat(tensors.get(1).values()).containsExactly(7, 8, 9);
    }

    @Test
    void convolutionWeightsKeepTheirOrderAndLayersFollowEachOther() {
        // CNN on 1 x 4 x 4 with conv [1, 1], no hidden dense layer, 2 classes: conv0 W [1][1][3][3] = 1..9,
        // b = 10; conv1 W = 11..19, b = 20; dense0 (1 x 1 x 1 = 1 input -> 2) W[1][2] = {21, 22}, b = {23, 24}
        float[] params = new float[24];
        for (int i = 0; i < params.length; i++) {
            params[i] = i + 1;
        }
        List<TorchLayout.Tensor> tensors = TorchLayout.tensors(
                new ModelArchitecture.SmallCnn(1, 4, 4, List.of(1, 1), List.of(), 2), params);
        assertThat(tensors).extracting(TorchLayout.Tensor::name).containsExactly("conv0.weight", "conv0.bias",
                "conv1.weight", "conv1.bias", "dense0.weight", "dense0.bias");
        assertThat(tensors.get(0).shape()).containsExactly(1, 1, 3, 3);
        assertThat(tensors.get(0).values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(tensors.get(3).values()).containsExactly(20);
        assertThat(tensors.get(4).shape()).containsExactly(2, 1);
        assertThat(tensors.get(4).values()).containsExactly(21, 22);
        assertThat(tensors.get(5).values()).containsExactly(23, 24);
        assertThat(TorchLayout.describe(new ModelArchitecture.SmallCnn(1, 4, 4, List.of(1, 1), List.of(), 2)))
                .contains("flatten in (channels, height, width) order: 1 x 1 x 1 = 1");
    }

    @Test
    void aWrongLengthOrAUserModelIsRefused() {
        assertThatThrownBy(() -> TorchLayout.tensors(new ModelArchitecture.LogisticRegression(2, 3), new float[8]))
                .hasMessageContaining("8 parameters for a layout of 9");
        assertThatThrownBy(() -> TorchLayout.describe(new ModelArchitecture.UserDl4jModel("m.zip", new int[] {2}, 2,
                null))).isInstanceOf(IllegalArgumentException.class);
    }
}
