package org.batchscope.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One command's ownership of its output folder, taken before anything else is written there.
 *
 * <p><b>Lock.</b> {@link #claim} creates the folder if needed and takes an operating-system lock
 * ({@link FileChannel#tryLock}) on {@code <folder>/}{@value #LOCK}, writing the owner's process id into
 * it. A second process that claims the folder gets a {@link BadInputException} naming that pid. The OS
 * drops the lock when its process dies, however it dies, so the file a killed process leaves behind is
 * recognised as stale and taken over. The file stays after {@link #close} (deleting it would let a
 * process that had opened it lock a file no longer at the path); only the OS lock counts. POSIX locks
 * belong to the process and any channel closed on the file releases them, so within one JVM the held
 * folders are also kept in a registry that is consulted before the file is touched.
 *
 * <p><b>What the folder is.</b> {@code <folder>/}{@value #RECORD} records the {@link Kind} of output and
 * an identity (a dataset's spec hash, the data a sweep ran on, the logs a diagnosis read). A folder is
 * accepted when it is missing or empty, or records the same kind and identity (the command resumes or
 * redoes its work). A folder of the same kind but another identity is refused unless {@code overwrite}; a
 * folder that holds anything else (another kind, or files batchscope did not write) is refused even with
 * {@code overwrite}, and so are the file-system root, the home folder and its ancestors. With
 * {@code overwrite} an accepted folder's content is deleted first, whatever its identity.
 * Folders written before the record existed are recognised by the files their kind always writes
 * ({@link Kind#signatures}) and treated as the same kind of unknown identity.
 */
public final class OutputFolder implements AutoCloseable {

    /** The lock file: the pid of the command that owns, or last owned, the folder. */
    public static final String LOCK = ".batchscope-lock";
    /** What the folder holds: {@code {"kind": ..., "identity": ...}}. */
    public static final String RECORD = ".batchscope-folder.json";

    /** The kinds of output folder, with the files by which a folder from before the record is recognised. */
    public enum Kind {
        DATASET("a generated dataset", List.of("manifest.json", ".batchscope-in-progress")),
        RESULTS("sweep results", List.of("summary.json", "runs")),
        REPORT("a sweep report", List.of("report.pdf")),
        DIAGNOSIS("a diagnosis of training logs", List.of("diagnose.json", "diagnose.pdf")),
        EXPERIMENT("an experiment", List.of("experiment.json", "arms"));

        private final String description;
        private final List<String> signatures;

        Kind(String description, List<String> signatures) {
            this.description = description;
            this.signatures = signatures;
        }

        /** @return what the kind is, in words, for messages */
        public String description() {
            return description;
        }

        /** @return names of files or folders that only this kind of output holds */
        public List<String> signatures() {
            return signatures;
        }
    }

    /** Folders (absolute, normalised) whose lock this JVM holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputFolder(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims {@code root} for output of {@code kind} and {@code identity}; see the class comment.
     *
     * @param option the CLI option or argument that named the folder, for messages (for example {@code --out})
     * @throws BadInputException when the folder is a file, cannot be created or written, is owned by another
     *                           running command, or holds something this command may not replace
     */
    public static OutputFolder claim(Path root, Kind kind, String identity, boolean overwrite, String option) {
        Path folder = root.toAbsolutePath().normalize();
        checkLocation(folder, root, option);
        if (overwrite && Files.isDirectory(folder)) {
            refuseProtected(folder, root, option);
        }
        if (Files.isDirectory(folder)) {
            // refuse before the lock file is made, so that a refused folder is left exactly as it was
            new OutputFolder(folder, null, null).accept(kind, identity, overwrite, root, option, false);
        }
        createFolder(folder, root, option);
        OutputFolder owned = lock(folder, root, option);
        Path given = root;
        try {
            owned.accept(kind, identity, overwrite, root, option, true);
            Map<String, String> record = new LinkedHashMap<>();
            record.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
            record.put("identity", identity);
            AtomicFiles.write(folder.resolve(RECORD), Json.toBytes(record));
            return new OutputFolder(given, owned.channel, owned.lock);
        } catch (RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    /**
     * @return the pid recorded by the process that holds the lock of {@code folder}, or null when no
     *         running process holds it (no lock file, or a stale one)
     */
    public static String runningOwner(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        if (HELD.contains(key)) {
            return "pid " + ProcessHandle.current().pid();
        }
        Path file = key.resolve(LOCK);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe = tryLock(ch);
            if (probe == null) {
                return ownerText(file);
            }
            probe.release();
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the folder, as the command was given it */
    public Path root() {
        return root;
    }

    /** Releases the lock; the lock file stays, stale (see the class comment). */
    @Override
    public void close() {
        Path key = root.toAbsolutePath().normalize();
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + root.resolve(LOCK) + ": " + e.getMessage(), e);
        } finally {
            HELD.remove(key);
        }
    }

    private static void checkLocation(Path folder, Path given, String option) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new BadInputException(option + " " + given + " is a file; it must be a folder");
        }
        for (Path p = folder.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new BadInputException(option + " " + given + " cannot be made: " + p + " is a file");
                }
                return;
            }
        }
    }

    private static void createFolder(Path folder, Path given, String option) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BadInputException(option + " " + given + " cannot be made: " + reason(e));
        }
    }

    private static OutputFolder lock(Path folder, Path given, String option) {
        if (!HELD.add(folder)) {
            throw inUse(given, option, "pid " + ProcessHandle.current().pid());
        }
        Path file = folder.resolve(LOCK);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(ch);
            if (lock == null) {
                ch.close();
                throw inUse(given, option, ownerText(file));
            }
            byte[] owner = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(owner), 0);
            ch.force(false);
            return new OutputFolder(folder, ch, lock);
        } catch (IOException e) {
            if (ch != null) {
                closeQuietly(ch);
            }
            HELD.remove(folder);
            throw new BadInputException(option + " " + given + " is not writable: " + reason(e));
        } catch (RuntimeException e) {
            HELD.remove(folder);
            throw e;
        }
    }

    private static BadInputException inUse(Path given, String option, String owner) {
        return new BadInputException(option + " " + given + " is in use by another batchscope command ("
                + (owner.isEmpty() ? "pid unknown" : owner) + "); wait for it to finish or choose another folder");
    }

    private static FileLock tryLock(FileChannel ch) throws IOException {
        try {
            return ch.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * Refuses the folder unless it may hold this output (see the class comment); with {@code apply} and
     * {@code overwrite}, clears it.
     */
    private void accept(Kind kind, String identity, boolean overwrite, Path given, String option, boolean apply) {
        List<Path> content = content();
        if (content.isEmpty()) {
            return;
        }
        JsonNode record = readRecord();
        String heldKind = record != null ? record.path("kind").asText("") : legacyKind(content);
        String wanted = kind.name().toLowerCase(java.util.Locale.ROOT);
        if (!wanted.equals(heldKind)) {
            String held = heldKind == null || heldKind.isEmpty() ? "files that batchscope did not write"
                    : describe(heldKind);
            throw new BadInputException(option + " " + given + " holds " + held + ", not " + kind.description()
                    + "; choose another folder" + (overwrite ? " (--overwrite only replaces " + kind.description() + ")" : ""));
        }
        boolean sameIdentity = record != null && identity.equals(record.path("identity").asText(null));
        if (overwrite) {
            if (apply) {
                deleteContents(root);
            }
        } else if (!sameIdentity) {
            throw new BadInputException(option + " " + given + " holds " + kind.description() + " of other input"
                    + (record == null ? " (or from an older batchscope)" : "")
                    + "; choose another folder or pass --overwrite to replace it");
        }
    }

    private static String describe(String kindName) {
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(kindName)) {
                return k.description();
            }
        }
        return "'" + kindName + "' output";
    }

    /** @return the kind whose signature files are present, or null when none is */
    private String legacyKind(List<Path> content) {
        for (Kind k : Kind.values()) {
            for (String signature : k.signatures()) {
                if (content.contains(root.resolve(signature))) {
                    return k.name().toLowerCase(java.util.Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** Refuses to clear the file-system root, the home folder or a folder that contains the home folder. */
    private static void refuseProtected(Path folder, Path given, String option) {
        Path real;
        Path home;
        try {
            real = folder.toRealPath();
            home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
            if (Files.exists(home)) {
                home = home.toRealPath();
            }
        } catch (IOException e) {
            throw new BadInputException(option + " " + given + ": cannot resolve it (" + reason(e) + ")");
        }
        if (real.getParent() == null || home.startsWith(real)) {
            throw new BadInputException(option + " " + given + " is " + (real.getParent() == null ? "the root folder"
                    : "the home folder or contains it") + "; --overwrite never clears it");
        }
    }

    /** @return the folder's entries other than the lock, the record and temporary files of {@link AtomicFiles} */
    private List<Path> content() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> !p.getFileName().toString().equals(LOCK)
                    && !p.getFileName().toString().equals(RECORD) && !AtomicFiles.isTemporary(p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    private JsonNode readRecord() {
        Path file = root.resolve(RECORD);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /** Deletes everything inside the folder but the lock file. */
    private void deleteContents(Path folder) {
        for (Path top : content()) {
            deleteTree(top);
        }
        try {
            Files.deleteIfExists(folder.resolve(RECORD));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file, or a folder with everything in it. */
    public static void deleteTree(Path top) {
        if (!Files.exists(top, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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

    /** Reads the owner's pid; only called when this JVM holds no lock on the file (see the class comment). */
    private static String ownerText(Path file) {
        String text = readQuietly(file);
        return text == null ? "" : text.strip();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }

    /** @return why a file operation failed, in words (permission denied, no space, a file in the way) */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a file is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
