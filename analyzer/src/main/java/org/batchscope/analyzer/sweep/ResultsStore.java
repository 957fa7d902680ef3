package org.batchscope.analyzer.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.Json;

/**
 * The results folder's {@code runs/} directory: one file {@code runs/<config-hash>.json} per finished
 * run ({@link RunResult}), written atomically (a killed sweep leaves whole files or none). A run is
 * done when its file exists with status {@code completed} or {@code diverged}; a {@code failed} run is
 * retried by the next sweep.
 */
public final class ResultsStore {

    /** The sub-folder of the results folder that holds the run files. */
    public static final String RUNS = "runs";

    private final Path runs;

    public ResultsStore(Path resultsFolder) {
        this.runs = resultsFolder.resolve(RUNS);
    }

    /** @return the file of the run with config hash {@code hash} */
    public Path file(String hash) {
        return runs.resolve(hash + ".json");
    }

    /** @return the stored result of the run, if its file exists and parses */
    public Optional<JsonNode> read(String hash) {
        Path file = file(hash);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readTree(file.toFile()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @return whether the run is done: stored as completed or diverged */
    public boolean isDone(String hash) {
        return read(hash).map(node -> {
            String status = node.path("status").asText();
            return status.equals(RunResult.COMPLETED) || status.equals(RunResult.DIVERGED);
        }).orElse(false);
    }

    /** Writes a run's result atomically. */
    public void write(RunResult result) {
        write(result.configHash(), content(result));
    }

    /** Writes the run file content {@code runFile} ({@link #content}) of the run {@code hash} atomically. */
    public void write(String hash, byte[] runFile) {
        AtomicFiles.write(file(hash), runFile);
    }

    /** @return the bytes of a run's file: the result's canonical JSON ({@link Json#toBytes}) */
    public static byte[] content(RunResult result) {
        return Json.toBytes(result);
    }
}
