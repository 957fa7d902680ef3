package org.batchscope.analyzer.engine.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.batchscope.analyzer.engine.BlasKernel;
import org.batchscope.analyzer.engine.EngineRun;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.RunConfig;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.analyzer.engine.TrainingSchedule;
import org.batchscope.common.BadInputException;
import org.batchscope.common.ToolVersion;

/**
 * The {@code dl4j} engine: trains the built-in architectures and users' own DL4J models
 * ({@link ModelArchitecture.UserDl4jModel}) with Deeplearning4j; one run is a {@link Dl4jRun}. Ranked below
 * {@code lean} ({@value #RANK}), so it is the default only for models the lean engine cannot train. Its
 * version names batchscope's and Deeplearning4j's, since both decide its numbers.
 *
 * <p>Reproducibility: the start, the batches and the schedule depend only on the job; DL4J's random
 * numbers (dropout in user models) come from the run's seed; ND4J keeps its workspaces and random
 * generator per thread, and runs one thread per op ({@link Nd4jThreads}), so runs beside each other
 * do not interact.
 */
public final class Dl4jEngine implements TrainingEngine {

    /** The preference among engines that support a model. */
    public static final int RANK = 10;

    private static final String VERSION = ToolVersion.version() + " (Deeplearning4j " + dl4jVersion() + ")";

    @Override
    public String name() {
        return "dl4j";
    }

    @Override
    public int rank() {
        return RANK;
    }

    /** @return for example {@code 0.1.0 (Deeplearning4j 1.0.0-M2.1)} */
    @Override
    public String version() {
        return VERSION;
    }

    /**
     * @return in a process whose OpenBLAS kernels are not pinned, which kernels ND4J's matrix products run on
     *         ({@link BlasKernel}); nothing otherwise
     */
    @Override
    public Map<String, Object> numericSettings() {
        return BlasKernel.numericSettings();
    }

    /** @return true: every built-in architecture and any user DL4J model */
    @Override
    public boolean supports(ModelArchitecture model) {
        return model != null;
    }

    /** Reads a user's model file and runs it on one training sample; built-in models need no check. */
    @Override
    public void check(ModelArchitecture model, TensorData train) {
        if (model instanceof ModelArchitecture.UserDl4jModel user) {
            Nd4jThreads.useOneThreadPerOp();
            Dl4jNetworkFactory.checkUserModel(user, train);
        }
    }

    @Override
    public EngineRun start(TrainingJob job, TrainingSchedule schedule) {
        RunConfig config = job.config();
        Nd4jThreads.useOneThreadPerOp();
        requireMatchingData(config.model(), job.train(), "training");
        requireMatchingData(config.model(), job.validation(), "validation");
        return new Dl4jRun(job, schedule);
    }

    private static void requireMatchingData(ModelArchitecture model, TensorData data, String split) {
        BadInputException.require(Arrays.equals(model.inputShape(), data.sampleShape()),
                split + " samples", "of shape " + Arrays.toString(model.inputShape()) + " for the model",
                Arrays.toString(data.sampleShape()));
        BadInputException.require(model.classes() == data.classes(), split + " classes",
                model.classes() + " for the model", data.classes());
    }

    private static String dl4jVersion() {
        try (InputStream in = Dl4jEngine.class.getResourceAsStream("dl4j.properties")) {
            if (in == null) {
                throw new IllegalStateException("dl4j.properties missing from the engine-dl4j jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("dl4j.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
