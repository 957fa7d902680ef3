package org.batchscope.analyzer.engine.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.common.BadInputException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a user's own DL4J model. The file's first bytes decide its kind: a zip ({@code PK\3\4}) is
 * read with {@link ModelSerializer#restoreMultiLayerNetwork(java.io.File, boolean)} (without its
 * updater state) and keeps its trained parameters as the starting point; anything starting with
 * {@code {} is read with {@link MultiLayerConfiguration#fromJson(String)} and starts from DL4J's own
 * initialisation of that configuration (seeded with the run's seed). Either way the training counters
 * start at 0.
 */
final class UserModelLoader {

    /**
     * A loaded model.
     *
     * @param configuration the network configuration (the engine sets its optimiser)
     * @param parameters    DL4J's flattened parameters to start from, or null to initialise
     */
    record Loaded(MultiLayerConfiguration configuration, INDArray parameters) {
    }

    private static final String EXPECTED = "a DL4J MultiLayerConfiguration JSON file or a ModelSerializer zip "
            + "of a MultiLayerNetwork";

    private UserModelLoader() {
    }

    /** @throws BadInputException naming the file and what was expected when it cannot be read as a model */
    static Loaded load(ModelArchitecture.UserDl4jModel model) {
        Path path = Path.of(model.path());
        if (!Files.isRegularFile(path)) {
            throw new BadInputException("--model: " + path + " is not a file; expected " + EXPECTED);
        }
        try {
            Loaded loaded = isZip(path) ? fromZip(path) : fromJson(path);
            loaded.configuration().setIterationCount(0);
            loaded.configuration().setEpochCount(0);
            return loaded;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("--model: " + path + " could not be read as " + EXPECTED + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /** @return the first line of a library's message (DL4J and Jackson append source excerpts and paths) */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static boolean isZip(Path path) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(path)) {
            int n = in.readNBytes(head, 0, 4);
            return n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    private static Loaded fromZip(Path path) throws IOException {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(path.toFile(), false);
        return new Loaded(network.getLayerWiseConfigurations(), network.params());
    }

    private static Loaded fromJson(Path path) throws IOException {
        String json = Files.readString(path, StandardCharsets.UTF_8);
        if (!json.stripLeading().startsWith("{")) {
            throw new IOException("it is neither a zip nor JSON");
        }
        return new Loaded(MultiLayerConfiguration.fromJson(json), null);
    }
}
