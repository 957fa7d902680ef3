package org.batchscope.analyzer.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The canonical order of a built-in model's parameters in one flat float array, shared by all engines
 * (an engine with another internal order converts). Layer by layer from input to output, each layer's
 * weights then its bias:
 * <ul>
 *   <li>dense: W as [in][out] row-major (element (i, o) at i * out + o), then b [out];</li>
 *   <li>3x3 convolution: W as [out][in][3][3] row-major, then b [out].</li>
 * </ul>
 */
public final class ParameterLayout {

    /** One tensor of the layout. */
    public record Tensor(String name, int[] shape, int offset, int fanIn, int fanOut, boolean isBias) {
        /** @return the number of floats in the tensor */
        public int size() {
            int size = 1;
            for (int s : shape) {
                size *= s;
            }
            return size;
        }
    }

    private final List<Tensor> tensors;
    private final int size;

    private ParameterLayout(List<Tensor> tensors, int size) {
        this.tensors = List.copyOf(tensors);
        this.size = size;
    }

    /** @return the layout of a built-in architecture */
    public static ParameterLayout of(ModelArchitecture model) {
        Builder b = new Builder();
        if (model instanceof ModelArchitecture.LogisticRegression m) {
            b.dense("dense0", m.inputs(), m.classes());
        } else if (model instanceof ModelArchitecture.Mlp m) {
            int in = m.inputs();
            for (int i = 0; i < m.hidden().size(); i++) {
                b.dense("dense" + i, in, m.hidden().get(i));
                in = m.hidden().get(i);
            }
            b.dense("dense" + m.hidden().size(), in, m.classes());
        } else if (model instanceof ModelArchitecture.SmallCnn m) {
            int in = m.channels();
            for (int i = 0; i < m.convChannels().size(); i++) {
                b.conv("conv" + i, in, m.convChannels().get(i));
                in = m.convChannels().get(i);
            }
            int flat = m.flattenedSize();
            for (int i = 0; i < m.dense().size(); i++) {
                b.dense("dense" + i, flat, m.dense().get(i));
                flat = m.dense().get(i);
            }
            b.dense("dense" + m.dense().size(), flat, m.classes());
        } else {
            throw new IllegalArgumentException("a user DL4J model has no canonical layout: " + model);
        }
        return new ParameterLayout(b.tensors, b.offset);
    }

    /** @return the tensors in order */
    public List<Tensor> tensors() {
        return tensors;
    }

    /** @return the total number of parameters */
    public int size() {
        return size;
    }

    private static final class Builder {
        private final List<Tensor> tensors = new ArrayList<>();
        private int offset;

        void dense(String name, int in, int out) {
            add(new Tensor(name + ".W", new int[] {in, out}, offset, in, out, false));
            add(new Tensor(name + ".b", new int[] {out}, offset, in, out, true));
        }

        void conv(String name, int in, int out) {
            add(new Tensor(name + ".W", new int[] {out, in, 3, 3}, offset, in * 9, out * 9, false));
            add(new Tensor(name + ".b", new int[] {out}, offset, in * 9, out * 9, true));
        }

        private void add(Tensor t) {
            tensors.add(t);
            offset += t.size();
        }
    }
}
