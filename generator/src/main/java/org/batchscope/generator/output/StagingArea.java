package org.batchscope.generator.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.batchscope.common.Sha256;

/**
 * Writes many files with whole-folder atomicity instead of a temporary file and a rename per file: each
 * file goes straight to its final relative path under the hidden folder {@code <root>/}{@value #FOLDER},
 * and a finished top-level folder (a split, {@code masks}) is then moved into place by
 * {@link #publish} with one rename. So no path outside the staging folder ever holds a half-written
 * file, and per file the cost is one open, write and close. A staging folder left by a killed run is
 * removed when the next run opens the area; {@link #close} removes the empty one at the end.
 * Safe for concurrent {@link #write} calls to different paths.
 */
public final class StagingArea implements AutoCloseable {

    /** The staging folder's name under the dataset root. */
    public static final String FOLDER = ".batchscope-staging";

    private final Path root;
    private final Path staging;
    /** Folders known to exist; computeIfAbsent makes a second writer wait until the first has created it. */
    private final Map<Path, Boolean> createdFolders = new ConcurrentHashMap<>();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    /** Opens the staging area of {@code root}, removing any left by an earlier run. */
    public StagingArea(Path root) {
        this(root, true);
    }

    private StagingArea(Path root, boolean fresh) {
        this.root = root;
        this.staging = root.resolve(FOLDER);
        if (fresh) {
            deleteTree(staging);
            createDirectories(staging);
        }
    }

    /**
     * @return a writer into the staging area that the driver opened at {@code root} (on shared storage),
     *         for a task that makes part of the files elsewhere: it only {@link #write}s, and its
     *         {@link #hashes} go back to the driver's area through {@link #record}; never close it
     */
    public static StagingArea attach(Path root) {
        return new StagingArea(root, false);
    }

    /** Records files that an {@link #attach}ed writer wrote: relative path -> SHA-256. */
    public void record(Map<String, String> written) {
        hashes.putAll(written);
    }

    /** @return the dataset root whose staging area this is */
    public Path root() {
        return root;
    }

    /** @return where the file or folder at {@code relative} (with '/') is staged */
    public Path staged(String relative) {
        return staging.resolve(relative);
    }

    /**
     * Writes {@code bytes} to the staged file {@code relative}, creating its folder on first use, and
     * records their SHA-256 (see {@link #hashes}).
     */
    public void write(String relative, byte[] bytes) {
        Path path = staged(relative);
        createdFolders.computeIfAbsent(path.getParent(), folder -> {
            createDirectories(folder);
            return Boolean.TRUE;
        });
        try {
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        hashes.put(relative, Sha256.of(bytes));
    }

    /**
     * @return relative path (with '/') -> SHA-256 of every file written by {@link #write}, for
     *         {@link Manifest#write} (so the manifest need not read them back); a live view
     */
    public Map<String, String> hashes() {
        return Collections.unmodifiableMap(hashes);
    }

    /**
     * Moves the staged top-level folder {@code name} to {@code <root>/name} in one rename, first removing
     * an earlier run's folder of that name.
     */
    public void publish(String name) {
        Path target = root.resolve(name);
        deleteTree(target);
        try {
            Files.move(staged(name), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + staged(name) + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the staging folder and anything left in it. */
    @Override
    public void close() {
        deleteTree(staging);
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path top) {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + top + ": " + e.getMessage(), e);
        }
    }
}
