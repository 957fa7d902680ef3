package org.batchscope.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.BadInputException;
import org.batchscope.common.OutputFolder;

/**
 * The output folder of one generated dataset and its protocol:
 * <ol>
 *   <li>{@link #open} claims the folder through {@link OutputFolder} (kind dataset, identity the spec
 *       hash): one command at a time; a missing or empty folder, or one left by an earlier run of the
 *       same spec, is accepted; another spec's dataset only with {@code overwrite}; anything else never.
 *       Nothing is written before the check.</li>
 *   <li>It removes what a killed earlier run left behind (temporary files of
 *       {@link AtomicFiles}, the {@link StagingArea} folder), writes the {@link #IN_PROGRESS} marker
 *       holding the spec hash and removes any earlier {@code manifest.json}, so a folder without a
 *       manifest is known incomplete.</li>
 *   <li>The generator writes its files atomically: one by one through {@link AtomicFiles}, or in bulk
 *       through a {@link StagingArea} that moves whole folders into place, and names each file it wrote
 *       ({@link #wrote}; the staging area records its own).</li>
 *   <li>{@link Manifest#write} lists exactly those files, writes {@code manifest.json} last and removes
 *       the marker; {@link #close} releases the folder.</li>
 * </ol>
 * A rerun of the same spec into an incomplete folder redoes it; byte-identical output makes that safe.
 */
public final class DatasetFolder implements AutoCloseable {

    /** Marker file present while a dataset is being written; holds the spec hash. */
    public static final String IN_PROGRESS = ".batchscope-in-progress";
    /** The manifest, written last. */
    public static final String MANIFEST = "manifest.json";

    private final OutputFolder owned;
    private final String specSha256;
    private final Set<String> written = Collections.synchronizedSet(new TreeSet<>());

    private DatasetFolder(OutputFolder owned, String specSha256) {
        this.owned = owned;
        this.specSha256 = specSha256;
    }

    /**
     * Checks and claims {@code root} for a dataset of the spec whose canonical hash is {@code specSha256}.
     *
     * @param optionName the CLI option that named the folder, for messages (for example {@code --out})
     * @throws BadInputException if the folder is refused (see {@link OutputFolder#claim}) or in use
     */
    public static DatasetFolder open(Path root, String specSha256, boolean overwrite, String optionName) {
        OutputFolder owned = OutputFolder.claim(root, OutputFolder.Kind.DATASET, specSha256, overwrite, optionName);
        try {
            removeLeftovers(root);
            Files.deleteIfExists(root.resolve(MANIFEST));
            AtomicFiles.write(root.resolve(IN_PROGRESS), (specSha256 + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            owned.close();
            throw new UncheckedIOException("cannot prepare " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            owned.close();
            throw e;
        }
        return new DatasetFolder(owned, specSha256);
    }

    /** @return the dataset's root folder */
    public Path root() {
        return owned.root();
    }

    /** @return the canonical hash of the spec being written */
    public String specSha256() {
        return specSha256;
    }

    /** Records that the generator wrote the file at {@code relative} (with '/'), for the manifest. */
    public void wrote(String relative) {
        written.add(relative);
    }

    /** @return the files recorded by {@link #wrote}, in path order */
    List<String> writtenFiles() {
        synchronized (written) {
            return new ArrayList<>(written);
        }
    }

    /** Releases the folder for other commands. */
    @Override
    public void close() {
        owned.close();
    }

    /** Removes the in-progress marker; called by {@link Manifest#write} after the manifest is in place. */
    void markComplete() {
        try {
            Files.deleteIfExists(root().resolve(IN_PROGRESS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root().resolve(IN_PROGRESS), e);
        }
    }

    /** Deletes temporary files and the staging folder that a killed run left anywhere under {@code root}. */
    static void removeLeftovers(Path root) {
        OutputFolder.deleteTree(root.resolve(StagingArea.FOLDER));
        List<Path> temporary;
        try (Stream<Path> walk = Files.walk(root)) {
            temporary = walk.filter(p -> AtomicFiles.isTemporary(p) && Files.isRegularFile(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        for (Path p : temporary) {
            OutputFolder.deleteTree(p);
        }
    }
}
