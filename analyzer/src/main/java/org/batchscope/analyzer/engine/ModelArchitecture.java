package org.batchscope.analyzer.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Sha256;

/**
 * A model to train. The built-in architectures all end in a dense layer with softmax and are trained
 * with softmax cross-entropy (mean over the minibatch, natural log).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ModelArchitecture.LogisticRegression.class, name = "logreg"),
    @JsonSubTypes.Type(value = ModelArchitecture.Mlp.class, name = "mlp"),
    @JsonSubTypes.Type(value = ModelArchitecture.SmallCnn.class, name = "cnn"),
    @JsonSubTypes.Type(value = ModelArchitecture.UserDl4jModel.class, name = "dl4j-file")})
public sealed interface ModelArchitecture {

    /** @return the number of classes the model predicts */
    int classes();

    /** @return the shape of one input sample: {@code [features]} or {@code [channels, height, width]} */
    int[] inputShape();

    /** Multinomial logistic regression: one dense layer inputs -> classes, softmax. */
    record LogisticRegression(int inputs, int classes) implements ModelArchitecture {
        public LogisticRegression {
            BadInputException.require(inputs > 0, "model.inputs", "a positive integer", inputs);
            BadInputException.require(classes >= 2, "model.classes", "at least 2", classes);
        }

        @Override
        public int[] inputShape() {
            return new int[] {inputs};
        }
    }

    /** Multi-layer perceptron: dense + ReLU for each hidden size, then dense -> classes, softmax. */
    record Mlp(int inputs, List<Integer> hidden, int classes) implements ModelArchitecture {
        public Mlp {
            BadInputException.require(inputs > 0, "model.inputs", "a positive integer", inputs);
            BadInputException.require(classes >= 2, "model.classes", "at least 2", classes);
            hidden = List.copyOf(hidden);
            BadInputException.require(!hidden.isEmpty() && hidden.stream().allMatch(h -> h > 0),
                    "model.hidden", "a non-empty list of positive integers", hidden);
        }

        @Override
        public int[] inputShape() {
            return new int[] {inputs};
        }
    }

    /**
     * Small CNN on {@code [channels, height, width]} inputs (row-major CHW). Each entry of
     * {@code convChannels} is one block: 3x3 convolution, stride 1, zero padding 1 (same size), bias,
     * ReLU, then 2x2 max-pool with stride 2 (odd sizes floor). After the blocks the activations are
     * flattened in C, H, W order; each entry of {@code dense} is a dense + ReLU layer; then dense ->
     * classes, softmax. The default for 64x64x3 images is convChannels [16, 32], dense [64].
     */
    record SmallCnn(int channels, int height, int width, List<Integer> convChannels, List<Integer> dense,
            int classes) implements ModelArchitecture {
        public SmallCnn {
            BadInputException.require(channels > 0, "model.channels", "a positive integer", channels);
            convChannels = List.copyOf(convChannels);
            dense = List.copyOf(dense);
            BadInputException.require(!convChannels.isEmpty() && convChannels.stream().allMatch(c -> c > 0),
                    "model.conv_channels", "a non-empty list of positive integers", convChannels);
            BadInputException.require(dense.stream().allMatch(d -> d > 0),
                    "model.dense", "a list of positive integers", dense);
            BadInputException.require(classes >= 2, "model.classes", "at least 2", classes);
            int minSide = 1 << convChannels.size();
            BadInputException.require(height >= minSide && width >= minSide, "model.height/width",
                    "at least " + minSide + " pixels for " + convChannels.size() + " pooling blocks",
                    height + "x" + width);
        }

        @Override
        public int[] inputShape() {
            return new int[] {channels, height, width};
        }

        /** @return height after block {@code b} (0-based): floor(height / 2^(b+1)) */
        public int heightAfterBlock(int b) {
            return height >> (b + 1);
        }

        /** @return width after block {@code b} (0-based): floor(width / 2^(b+1)) */
        public int widthAfterBlock(int b) {
            return width >> (b + 1);
        }

        /** @return the flattened size entering the first dense layer */
        public int flattenedSize() {
            int last = convChannels.size() - 1;
            return convChannels.get(last) * heightAfterBlock(last) * widthAfterBlock(last);
        }
    }

    /**
     * A user's own Deeplearning4j model: a MultiLayerConfiguration JSON file or a ModelSerializer zip.
     * Only the {@code dl4j} engine trains it. {@code sha256} is the file's content hash (null when the file
     * cannot be read), so a run's config, and with it its result-file key, changes when the file does.
     */
    record UserDl4jModel(String path, int[] inputShape, int classes, String sha256) implements ModelArchitecture {
        public UserDl4jModel {
            BadInputException.require(path != null && !path.isBlank(), "--model", "a path to a DL4J model file", path);
            inputShape = inputShape.clone();
        }

        /** A user model whose content hash is read from the file at {@code path}. */
        public UserDl4jModel(String path, int[] inputShape, int classes) {
            this(path, inputShape, classes, contentHash(path));
        }

        private static String contentHash(String path) {
            if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
                return null;
            }
            return Sha256.ofFile(Path.of(path));
        }

        @Override
        public int[] inputShape() {
            return inputShape.clone();
        }
    }
}
