package org.batchscope.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchscope.common.BadInputException;

/**
 * Reads a path option that may be a URI: a plain path stays as it is; {@code file://} URIs become the
 * local path they name (with Spark, a path every host sees the same, such as a shared mount). Other
 * schemes ({@code hdfs://}, {@code s3a://}) are refused in one line: batchscope reads and writes through
 * Java's file system, so a store must be mounted to be used.
 */
final class StorageUri {

    /** A scheme followed by ':/' (a path given as "file:///x" reaches us as "file:/x"). */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):/.*");

    private StorageUri() {
    }

    /**
     * @param given  the option's value, or null
     * @param option the option, for messages
     * @return the local path, or null for null
     * @throws BadInputException for a scheme other than file
     */
    static Path path(Path given, String option) {
        if (given == null) {
            return null;
        }
        String text = given.toString();
        Matcher m = SCHEME.matcher(text);
        if (!m.matches()) {
            return given;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("file")) {
            throw new BadInputException(option + ": " + scheme + ":// is not supported; batchscope reads and writes"
                    + " through the file system, so mount the store (for example an NFS or FUSE mount) and give its"
                    + " path, or a file:// URI");
        }
        try {
            return Path.of(URI.create(text));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + text + " is not a file URI (" + e.getMessage() + ")");
        }
    }
}
