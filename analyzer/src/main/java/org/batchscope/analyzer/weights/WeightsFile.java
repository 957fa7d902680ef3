package org.batchscope.analyzer.weights;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.batchscope.analyzer.engine.ModelArchitecture;

/**
 * The content of {@code weights/<config-hash>/weights.json}, which describes the {@code .npy} files beside
 * it and is written after them ({@link WeightsFolder}).
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param configHash    the run's config hash: its run file is {@code runs/<config-hash>.json}
 * @param engine        the engine that trained it
 * @param model         the architecture as the run file's {@code config.run.model} records it
 * @param layers        the model from input to output in words ({@link TorchLayout#describe})
 * @param tensors       the parameter tensors in the model's parameter order
 * @param dataset       the data it was trained on
 * @param curvature     the samples the run's sharpness was measured on, and what the run measured on them
 */
public record WeightsFile(@JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("config_hash") String configHash, @JsonProperty("engine") String engine,
        @JsonProperty("model") ModelArchitecture model, @JsonProperty("layers") List<String> layers,
        @JsonProperty("tensors") List<TensorFile> tensors, @JsonProperty("dataset") Dataset dataset,
        @JsonProperty("curvature") Curvature curvature) {

    /** The version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * One parameter tensor.
     *
     * @param name  {@code conv0.weight}, {@code dense0.bias}, ... ({@link TorchLayout})
     * @param file  its {@code .npy} file in the same folder (float32, little-endian, C order)
     * @param shape its shape, as PyTorch's module holds it
     */
    public record TensorFile(@JsonProperty("name") String name, @JsonProperty("file") String file,
            @JsonProperty("shape") int[] shape) {
    }

    /**
     * @param source        the dataset as {@code --data} named it (or the generated folder of a noise sweep)
     * @param contentSha256 its content checksum, as in the run's config
     * @param kind          images or tabular
     */
    public record Dataset(@JsonProperty("source") String source,
            @JsonProperty("content_sha256") String contentSha256, @JsonProperty("kind") String kind) {
    }

    /**
     * @param indicesFile    int64 [k]: indices into the training split as the analyzer loaded it
     * @param featuresFile   float32 [k, sample shape]: those samples as the model saw them
     * @param labelsFile     int64 [k]: their class indices
     * @param samples        k
     * @param selection      how the samples were chosen
     * @param loss           the mean softmax cross-entropy (nats, no weight decay) over the samples at these
     *                       weights, computed by the engine when the weights were saved
     * @param hessianMaxEig  the largest Hessian eigenvalue of that loss as the run file reports it
     *                       ({@code sharpness.hessian_max_eig}), or null when the engine measures none
     * @param converged      whether that eigenvalue converged (the run file's {@code sharpness.converged}), or null
     * @param residual       its measured Lanczos residual |H y - theta y| (an error bound), or null
     */
    public record Curvature(@JsonProperty("indices_file") String indicesFile,
            @JsonProperty("features_file") String featuresFile, @JsonProperty("labels_file") String labelsFile,
            @JsonProperty("samples") int samples, @JsonProperty("selection") String selection,
            @JsonProperty("loss") double loss, @JsonProperty("hessian_max_eig") Double hessianMaxEig,
            @JsonProperty("converged") Boolean converged, @JsonProperty("residual") Double residual) {
    }
}
