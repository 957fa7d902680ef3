package org.batchscope.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.batchscope.common.AtomicFiles;
import org.batchscope.common.BadInputException;

/**
 * The output folder of one generated dataset and its protocol:
 * <ol>
 *   <li>{@link #open} accepts a missing or empty folder, or one left by an earlier run of the same
 *       spec (its {@code manifest.json} or {@link #IN_PROGRESS} marker carries the same spec hash);
 *       anything else is refused with a {@link BadInputException} unless {@code overwrite} is set,
 *       in which case the folder's content is deleted first. Nothing is written before the check.</li>
 *   <li>It writes the {@link #IN_PROGRESS} marker holding the spec hash and removes any earlier
 *       {@code manifest.json}, so a folder without a manifest is known incomplete.</li>
 *   <li>The generator writes its files atomically: one by one through {@link org.batchscope.common.AtomicFiles},
 *       or in bulk through a {@link StagingArea} that moves whole folders into place.</li>
 *   <li>{@link Manifest#write} writes {@code manifest.json} last and removes the marker.</li>
 * </ol>
 * A rerun of the same spec into an incomplete folder redoes it; byte-identical output makes that safe.
 */
public final class DatasetFolder {

    /** Marker file present while a dataset is being written; holds the spec hash. */
    public static final String IN_PROGRESS = ".batchscope-in-progress";
    /** The manifest, written last. */
    public static final String MANIFEST = "manifest.json";

    private final Path root;
    private final String specSha256;

    private DatasetFolder(Path root, String specSha256) {
        this.root = root;
        this.specSha256 = specSha256;
    }

    /**
     * Checks and claims {@code root} for a dataset of the spec whose canonical hash is {@code specSha256}.
     *
     * @param optionName the CLI option that named the folder, for messages (for example {@code --out})
     * @throws BadInputException if the folder holds something else and {@code overwrite} is false, or
     *                           if {@code root} is a file
     */
    public static DatasetFolder open(Path root, String specSha256, boolean overwrite, String optionName) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new BadInputException(optionName + " " + root + " is a file; it must be a folder");
        }
        if (!isEmptyOrAbsent(root) && !holdsSameSpec(root, specSha256)) {
            if (!overwrite) {
                throw new BadInputException(optionName + " " + root + " is not empty and is not an earlier output"
                        + " of this spec; choose another folder or pass --overwrite");
            }
            deleteContents(root);
        }
        try {
            Files.createDirectories(root);
            Files.deleteIfExists(root.resolve(MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + root + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(root.resolve(IN_PROGRESS), (specSha256 + "\n").getBytes(StandardCharsets.UTF_8));
        return new DatasetFolder(root, specSha256);
    }

    /** @return the dataset's root folder */
    public Path root() {
        return root;
    }

    /** @return the canonical hash of the spec being written */
    public String specSha256() {
        return specSha256;
    }

    /** Removes the in-progress marker; called by {@link Manifest#write} after the manifest is in place. */
    void markComplete() {
        try {
            Files.deleteIfExists(root.resolve(IN_PROGRESS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root.resolve(IN_PROGRESS), e);
        }
    }

    private static boolean isEmptyOrAbsent(Path root) {
        if (!Files.exists(root)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static boolean holdsSameSpec(Path root, String specSha256) {
        try {
            Path marker = root.resolve(IN_PROGRESS);
            if (Files.isRegularFile(marker)) {
                return Files.readString(marker, StandardCharsets.UTF_8).strip().equals(specSha256);
            }
            Path manifest = root.resolve(MANIFEST);
            return Files.isRegularFile(manifest) && specSha256.equals(Manifest.readSpecSha256(manifest));
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes everything inside {@code root}, keeping the folder itself. */
    public static void deleteContents(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                if (!p.equals(root)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + root + ": " + e.getMessage(), e);
        }
    }
}
