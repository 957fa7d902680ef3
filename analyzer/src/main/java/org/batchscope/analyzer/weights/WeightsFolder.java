package org.batchscope.analyzer.weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.NpyFormat;
import org.batchscope.common.files.ResultFiles;

/**
 * The results folder's {@code weights/} directory ({@code analyze --save-weights}): per completed run a
 * folder {@code weights/<config-hash>/} holding
 * <ul>
 *   <li>one {@code <name>.npy} per parameter tensor ({@link TorchLayout}: float32, PyTorch's shapes),</li>
 *   <li>{@value #INDICES} (int64 [k]): the indices, into the training split, of the k samples the run's
 *       sharpness was measured on, {@value #FEATURES} (float32 [k, sample shape]) those samples as the
 *       model saw them and {@value #LABELS} (int64 [k]) their labels,</li>
 *   <li>{@value #MANIFEST} ({@link WeightsFile}): the tensors in order with their shapes, the model in
 *       words, the run, the data, and the loss and top Hessian eigenvalue on those samples.</li>
 * </ul>
 * Every file is written atomically and {@value #MANIFEST} last (an earlier one is deleted first), so a
 * folder with {@value #MANIFEST} is complete: a killed sweep leaves none that looks complete and is not.
 */
public final class WeightsFolder {

    /** The sub-folder of the results folder. */
    public static final String FOLDER = "weights";
    /** The file that marks a complete folder and describes it. */
    public static final String MANIFEST = "weights.json";
    /** The curvature samples' indices into the training split. */
    public static final String INDICES = "curvature-samples.npy";
    /** The curvature samples' features. */
    public static final String FEATURES = "curvature-x.npy";
    /** The curvature samples' labels. */
    public static final String LABELS = "curvature-y.npy";

    private final Path root;

    /** @param resultsFolder the results folder ({@code --out}) */
    public WeightsFolder(Path resultsFolder) {
        this.root = resultsFolder.resolve(FOLDER);
    }

    /**
     * What is saved of one completed run.
     *
     * @param configHash    the run's config hash, the folder's name
     * @param engine        the engine's name
     * @param model         the built-in architecture
     * @param parameters    the final parameters in the canonical layout
     * @param dataset       the data it trained on
     * @param train         the training split as loaded
     * @param sampleIndices the indices into {@code train} of the samples its curvature was measured on
     * @param selection     how those samples were chosen, in words
     * @param loss          the engine's mean cross-entropy over those samples at {@code parameters}
     * @param sharpness     the run's sharpness record, or null when the engine measures none
     */
    public record RunWeights(String configHash, String engine, ModelArchitecture model, float[] parameters,
            WeightsFile.Dataset dataset, TensorData train, int[] sampleIndices, String selection, double loss,
            Sharpness sharpness) {
    }

    /** @return the folder of the run with config hash {@code hash} */
    public Path folder(String hash) {
        return root.resolve(hash);
    }

    /** @return whether the run's folder is complete (its {@value #MANIFEST} exists) */
    public boolean isSaved(String hash) {
        return Files.isRegularFile(folder(hash).resolve(MANIFEST));
    }

    /**
     * Writes one run's folder.
     *
     * @throws UncheckedIOException naming the file that cannot be written
     */
    public void save(RunWeights run) {
        Path folder = folder(run.configHash());
        try {
            Files.deleteIfExists(folder.resolve(MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + folder.resolve(MANIFEST) + ": " + e.getMessage(), e);
        }
        List<WeightsFile.TensorFile> tensors = new ArrayList<>();
        for (TorchLayout.Tensor t : TorchLayout.tensors(run.model(), run.parameters())) {
            String file = t.name() + ".npy";
            AtomicFiles.write(folder.resolve(file), NpyFormat.float32File(t.values(), longs(t.shape())));
            tensors.add(new WeightsFile.TensorFile(t.name(), file, t.shape()));
        }
        TensorData samples = run.train().select(run.sampleIndices());
        long[] shape = new long[samples.sampleShape().length + 1];
        shape[0] = samples.count();
        for (int i = 0; i < samples.sampleShape().length; i++) {
            shape[i + 1] = samples.sampleShape()[i];
        }
        AtomicFiles.write(folder.resolve(INDICES), NpyFormat.int64File(run.sampleIndices()));
        AtomicFiles.write(folder.resolve(FEATURES), NpyFormat.float32File(samples.features(), shape));
        AtomicFiles.write(folder.resolve(LABELS), NpyFormat.int64File(samples.labels()));
        Sharpness s = run.sharpness();
        WeightsFile.Curvature curvature = new WeightsFile.Curvature(INDICES, FEATURES, LABELS, samples.count(),
                run.selection(), run.loss(), s == null ? null : s.hessianMaxEig(), s == null ? null : s.converged(),
                s == null ? null : s.residual());
        ResultFiles.write(folder.resolve(MANIFEST), new WeightsFile(WeightsFile.SCHEMA_VERSION, run.configHash(),
                run.engine(), run.model(), TorchLayout.describe(run.model()), tensors, run.dataset(), curvature));
    }

    private static long[] longs(int[] shape) {
        return Arrays.stream(shape).asLongStream().toArray();
    }
}
