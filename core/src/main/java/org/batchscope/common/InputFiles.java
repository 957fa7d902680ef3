package org.batchscope.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file the user named, turning every way it can be wrong into one {@link BadInputException} line
 * that names the option and the file and says why in words: missing, a folder, not a regular file (a
 * device such as {@code /dev/zero} would never end), unreadable (with the reason), or not UTF-8 text.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /**
     * @param option the option or argument that named the file, for example {@code --spec}
     * @throws BadInputException unless {@code file} is an existing, readable regular file
     */
    public static void requireReadableFile(Path file, String option) {
        if (!Files.exists(file)) {
            throw new BadInputException(option + ": " + file + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(option + ": " + file + " is a folder; expected a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(option + ": " + file + " is not a regular file (a device or a pipe)");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(option + ": " + file + " cannot be read: permission denied");
        }
    }

    /** @return the bytes of {@code file}, checked by {@link #requireReadableFile} first */
    public static byte[] readAllBytes(Path file, String option) {
        requireReadableFile(file, option);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(option + ": " + file + " cannot be read: " + OutputFolder.reason(e), e);
        }
    }

    /**
     * @return for an I/O error met while reading {@code file}: a one-line {@link BadInputException} "not
     *         UTF-8 text" for a decoding error (a binary file) or with the reason in words for a file-system
     *         error (permission denied, is a directory); else an {@link UncheckedIOException}
     */
    public static RuntimeException readError(Path file, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new BadInputException(file + ": not UTF-8 text (is it a binary file?)", e);
        }
        if (e instanceof java.nio.file.FileSystemException) {
            return new BadInputException(file + ": cannot be read: " + OutputFolder.reason(e), e);
        }
        return new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
}
