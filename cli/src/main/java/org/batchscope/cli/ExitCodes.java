package org.batchscope.cli;

/** The exit codes of every batchscope command. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** Something went wrong that is not the user's input (an I/O error, a bug). */
    public static final int FAILURE = 1;
    /** Bad input: an option, spec value or file the user gave is not allowed. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
