package org.batchscope.analyzer.weights;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.ParameterLayout;

/**
 * A built-in model's parameters as PyTorch holds them, and the model in words. The canonical
 * {@link ParameterLayout} (one flat float array, layer by layer, weights then bias) is cut into one tensor
 * per parameter, named {@code <layer>.weight} and {@code <layer>.bias} ({@code conv0}, {@code conv1}, ...,
 * then {@code dense0}, {@code dense1}, ...) and shaped as {@code torch.nn} holds them:
 * <ul>
 *   <li>3x3 convolution ({@code torch.nn.Conv2d(in, out, 3, padding=1)}): weight {@code [out, in, 3, 3]},
 *       the canonical order already, and bias {@code [out]};</li>
 *   <li>dense ({@code torch.nn.Linear(in, out)}, y = x W^T + b): weight {@code [out, in]}, the transpose of
 *       the canonical {@code [in][out]}, and bias {@code [out]}.</li>
 * </ul>
 */
public final class TorchLayout {

    /**
     * One parameter tensor in PyTorch's shape.
     *
     * @param name   {@code conv0.weight}, {@code dense1.bias}, ...
     * @param shape  PyTorch's shape
     * @param values its values in C order of {@code shape}
     */
    public record Tensor(String name, int[] shape, float[] values) {
    }

    /** How a dense model reads samples of more than one dimension. */
    private static final String FLATTENED = " (a sample of more dimensions, such as a CHW image, flattened in C order)";

    private TorchLayout() {
    }

    /**
     * @param model  a built-in architecture
     * @param params its parameters in the canonical {@link ParameterLayout}
     * @return the tensors in the model's parameter order
     * @throws IllegalArgumentException for a user's DL4J model (it has no canonical layout) or a wrong length
     */
    public static List<Tensor> tensors(ModelArchitecture model, float[] params) {
        ParameterLayout layout = ParameterLayout.of(model);
        if (params.length != layout.size()) {
            throw new IllegalArgumentException(params.length + " parameters for a layout of " + layout.size());
        }
        List<Tensor> tensors = new ArrayList<>();
        for (ParameterLayout.Tensor t : layout.tensors()) {
            String layer = t.name().substring(0, t.name().lastIndexOf('.'));
            float[] values = java.util.Arrays.copyOfRange(params, t.offset(), t.offset() + t.size());
            if (t.isBias()) {
                tensors.add(new Tensor(layer + ".bias", t.shape().clone(), values));
            } else if (t.shape().length == 2) {
                int in = t.shape()[0];
                int out = t.shape()[1];
                float[] transposed = new float[values.length];
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        transposed[o * in + i] = values[i * out + o];
                    }
                }
                tensors.add(new Tensor(layer + ".weight", new int[] {out, in}, transposed));
            } else {
                tensors.add(new Tensor(layer + ".weight", t.shape().clone(), values));
            }
        }
        return tensors;
    }

    /** @return the model's layers from input to output, one line each, in PyTorch's terms */
    public static List<String> describe(ModelArchitecture model) {
        List<String> lines = new ArrayList<>();
        String input = "input: float32 [N, " + join(model.inputShape()) + "]";
        if (model instanceof ModelArchitecture.SmallCnn m) {
            lines.add(input + " (channels, height, width)");
            int in = m.channels();
            for (int i = 0; i < m.convChannels().size(); i++) {
                int out = m.convChannels().get(i);
                lines.add("conv" + i + ": Conv2d(" + in + ", " + out + ", kernel_size=3, stride=1, padding=1) with bias,"
                        + " then ReLU, then MaxPool2d(2, stride=2) (odd sizes floor)");
                in = out;
            }
            int last = m.convChannels().size() - 1;
            lines.add("flatten in (channels, height, width) order: " + in + " x " + m.heightAfterBlock(last) + " x "
                    + m.widthAfterBlock(last) + " = " + m.flattenedSize());
            dense(lines, m.flattenedSize(), m.dense(), m.classes());
        } else if (model instanceof ModelArchitecture.Mlp m) {
            lines.add(input + FLATTENED);
            dense(lines, m.inputs(), m.hidden(), m.classes());
        } else if (model instanceof ModelArchitecture.LogisticRegression m) {
            lines.add(input + FLATTENED);
            dense(lines, m.inputs(), List.of(), m.classes());
        } else {
            throw new IllegalArgumentException("a user DL4J model has no canonical layout: " + model);
        }
        return lines;
    }

    private static void dense(List<String> lines, int in, List<Integer> hidden, int classes) {
        for (int i = 0; i < hidden.size(); i++) {
            lines.add("dense" + i + ": Linear(" + in + ", " + hidden.get(i) + "), then ReLU");
            in = hidden.get(i);
        }
        lines.add("dense" + hidden.size() + ": Linear(" + in + ", " + classes + "), the logits; softmax over them;"
                + " loss: mean softmax cross-entropy (natural log), no weight decay");
    }

    private static String join(int[] shape) {
        StringBuilder s = new StringBuilder();
        for (int d : shape) {
            s.append(s.length() == 0 ? "" : ", ").append(d);
        }
        return s.toString();
    }
}
