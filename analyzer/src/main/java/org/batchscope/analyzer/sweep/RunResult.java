package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.Map;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.files.Provenance;
import org.batchscope.common.files.ResultFiles;
import org.batchscope.common.files.RunFile;

/**
 * The analyzer's run file: {@link RunFile} with the analyzer's config ({@link RunSpec}) and sharpness block
 * ({@link Sharpness}). Builds it from a {@link RunRecording} and reads it back.
 */
public final class RunResult {

    public static final String COMPLETED = RunFile.COMPLETED;
    public static final String DIVERGED = RunFile.DIVERGED;
    public static final String FAILED = RunFile.FAILED;

    /** The Jackson type of a stored run. */
    public static final TypeReference<RunFile<RunSpec, Sharpness>> TYPE = new TypeReference<>() { };

    private RunResult() {
    }

    /**
     * @return the run file of a recorded run, with this process's provenance and the run's engine; {@code state}
     *         is the run's {@link RunStates state} file name, null for a failed run
     */
    static RunFile<RunSpec, Sharpness> of(PlannedRun run, String status, String state, String message, RunRecording recording,
            Map<String, Double> metrics, Sharpness sharpness, RunFile.Timing timing) {
        return new RunFile<>(RunFile.SCHEMA_VERSION, run.hash(), run.spec(),
                Provenance.current(run.engine().name(), run.engine().version()), status, state, message,
                new RunFile.Steps(recording.losses(), recording.accuracies(), recording.learningRates()),
                recording.evaluations().stream().map(RunResult::row).toList(),
                recording.probes().stream().map(RunResult::row).toList(), metrics, sharpness, timing);
    }

    /**
     * @return the run file of a run that failed where no recording came back (a task that a cluster gave up
     *         on): status {@code failed}, {@code message}, empty columns and zero time
     */
    public static RunFile<RunSpec, Sharpness> failed(PlannedRun run, String message) {
        return of(run, FAILED, null, message, new RunRecording(0, () -> 0L), new java.util.TreeMap<>(), null,
                new RunFile.Timing(0, 0, 0, 0, 0, new double[0], Map.of()));
    }

    /**
     * @return the stored run in {@code file}
     * @throws org.batchscope.common.BadInputException naming the file when it is not a run file of this
     *                                                 schema version
     */
    public static RunFile<RunSpec, Sharpness> read(Path file) {
        return ResultFiles.read(file, RunFile.SCHEMA_VERSION, TYPE);
    }

    private static RunFile.EvaluationRow row(RunRecorder.Evaluation e) {
        return new RunFile.EvaluationRow(e.step(), e.epoch(), e.trainLoss(), e.trainAccuracy(), e.validationLoss(),
                e.validationAccuracy());
    }

    private static RunFile.ProbeRow row(RunRecorder.GradientProbe p) {
        return new RunFile.ProbeRow(p.step(), p.estimator(), p.gradientNorm(), p.squaredNorm(), p.traceCovariance(),
                p.noiseScale(), p.meanGsnr(), p.batchSharpness());
    }
}
