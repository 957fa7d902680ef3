package org.batchscope.common;

/**
 * A user error: a bad spec value, an unreadable or malformed file, a missing column. The message is one
 * line that names the field or file and says what is allowed; the CLI prints it without a stack trace
 * and exits with code 2.
 */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Throws unless {@code condition} holds.
     *
     * @param condition the check
     * @param field     the name of the field as the user writes it (spec key or CLI option)
     * @param allowed   what is allowed, for example {@code "a number in [16, 512]"}
     * @param actual    the value the user gave
     */
    public static void require(boolean condition, String field, String allowed, Object actual) {
        if (!condition) {
            throw new BadInputException(field + " must be " + allowed + " (got " + actual + ")");
        }
    }
}
