package org.batchscope.analyzer.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.batchscope.analyzer.sharpness.Sharpness;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.BadInputException;
import org.batchscope.common.files.ResultFiles;
import org.batchscope.common.files.RunFile;

/**
 * The results folder's {@code runs/} directory: one file {@code runs/<config-hash>.json} per finished
 * run ({@link RunFile}), written atomically (a killed sweep leaves whole files or none).
 */
public final class ResultsStore {

    /** The sub-folder of the results folder that holds the run files. */
    public static final String RUNS = "runs";

    private final Path runs;

    public ResultsStore(Path resultsFolder) {
        this.runs = resultsFolder.resolve(RUNS);
    }

    /**
     * Whether a planned run's stored file can be reused.
     *
     * @param reusable true when the file holds the run as completed or diverged, made by the run's engine at
     *                 its current version
     * @param note     why a stored file is not reused (one line for stderr), or null when there is no file or
     *                 it holds a failed run (retried without comment)
     */
    public record Lookup(boolean reusable, String note) {
    }

    /** @return the file of the run with config hash {@code hash} */
    public Path file(String hash) {
        return runs.resolve(hash + ".json");
    }

    /**
     * @return what the store holds for {@code run}
     * @throws BadInputException when its file has a newer schema than this build reads
     */
    public Lookup lookup(PlannedRun run) {
        Path file = file(run.hash());
        if (!Files.isRegularFile(file)) {
            return new Lookup(false, null);
        }
        String name = RUNS + "/" + file.getFileName();
        int version = ResultFiles.schemaVersion(file, RunFile.SCHEMA_VERSION);
        if (version < RunFile.SCHEMA_VERSION) {
            return new Lookup(false, name + ": written by an older batchscope (schema_version " + version
                    + "); training it again");
        }
        RunFile<RunSpec, Sharpness> stored;
        try {
            stored = RunResult.read(file);
        } catch (BadInputException e) {
            return new Lookup(false, e.getMessage() + "; training it again");
        }
        String engine = run.engine().name();
        String engineVersion = run.engine().version();
        if (!stored.provenance().sameEngine(engine, engineVersion)) {
            return new Lookup(false, name + ": made by " + stored.provenance().describeEngine()
                    + "; training it again with " + engine + " " + engineVersion);
        }
        return new Lookup(stored.done(), null);
    }

    /**
     * @return the stored run with config hash {@code hash}, if its file exists
     * @throws BadInputException naming the file when it is not a run file of this schema version
     */
    public Optional<RunFile<RunSpec, Sharpness>> read(String hash) {
        Path file = file(hash);
        return Files.isRegularFile(file) ? Optional.of(RunResult.read(file)) : Optional.empty();
    }

    /** Writes a run's file atomically. */
    public void write(RunFile<RunSpec, Sharpness> result) {
        write(result.configHash(), content(result));
    }

    /** Writes the run file content {@code runFile} ({@link #content}) of the run {@code hash} atomically. */
    public void write(String hash, byte[] runFile) {
        AtomicFiles.write(file(hash), runFile);
    }

    /** @return the bytes of a run's file ({@link ResultFiles#toBytes}) */
    public static byte[] content(RunFile<RunSpec, Sharpness> result) {
        return ResultFiles.toBytes(result);
    }
}
