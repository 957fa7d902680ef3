package org.batchscope.cli;

import picocli.CommandLine.Option;

/** Mixin for {@code -v/--verbose}: show stack traces and debug logging. */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces on errors and debug logging.")
    boolean verbose;
}
