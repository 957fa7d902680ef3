package org.batchscope.analyzer.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.common.BadInputException;

/**
 * Turns {@code --model} into an architecture for a dataset:
 * <ul>
 *   <li>{@code auto}: {@code mlp} for tables, {@code cnn} for images;</li>
 *   <li>{@code logreg}: multinomial logistic regression on the flattened sample;</li>
 *   <li>{@code mlp}: dense + ReLU layers of the {@code --hidden} sizes on the flattened sample;</li>
 *   <li>{@code cnn}: the small CNN (3x3 conv 16, pool, 3x3 conv 32, pool, dense 64), images only;</li>
 *   <li>anything else: the path of a user's DL4J model file (trained by the {@code dl4j} engine).</li>
 * </ul>
 */
public final class ModelChoice {

    /** The small CNN's convolution channels. */
    public static final List<Integer> CNN_CONV = List.of(16, 32);
    /** The small CNN's dense layers. */
    public static final List<Integer> CNN_DENSE = List.of(64);

    private static final List<String> BUILT_IN = List.of("auto", "logreg", "mlp", "cnn");

    private ModelChoice() {
    }

    /** @return whether {@code --model name} is a built-in architecture (auto, logreg, mlp, cnn), not a model file */
    public static boolean isBuiltIn(String name) {
        return BUILT_IN.contains(name.toLowerCase(Locale.ROOT));
    }

    /** @return the architecture {@code name} names for {@code data} */
    public static ModelArchitecture resolve(String name, LoadedDataset data, List<Integer> hidden) {
        TensorData train = data.train();
        int classes = data.classes();
        int[] shape = train.sampleShape();
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("auto")) {
            key = data.kind().equals(LoadedDataset.IMAGES) ? "cnn" : "mlp";
        }
        return switch (key) {
            case "logreg" -> new ModelArchitecture.LogisticRegression(train.sampleSize(), classes);
            case "mlp" -> new ModelArchitecture.Mlp(train.sampleSize(), hidden, classes);
            case "cnn" -> {
                if (shape.length != 3) {
                    throw new BadInputException("--model cnn needs image data; " + data.source() + " is a table"
                            + " (use mlp or logreg)");
                }
                yield new ModelArchitecture.SmallCnn(shape[0], shape[1], shape[2], CNN_CONV, CNN_DENSE, classes);
            }
            default -> {
                if (!Files.isRegularFile(Path.of(name))) {
                    throw new BadInputException("--model must be auto, logreg, mlp, cnn or an existing DL4J model"
                            + " file (got " + name + ")");
                }
                yield new ModelArchitecture.UserDl4jModel(name, shape, classes);
            }
        };
    }

    /** @return He initialisation for ReLU networks, Xavier for logistic regression */
    public static Initialization initFor(ModelArchitecture model) {
        return model instanceof ModelArchitecture.LogisticRegression ? Initialization.XAVIER : Initialization.HE;
    }
}
