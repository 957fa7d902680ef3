package org.batchscope.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Mixin for {@code -v/--verbose}, declared once on the top-level command and inherited by every
 * subcommand ({@link ScopeType#INHERIT}), so {@code batchscope -v analyze ...} and
 * {@code batchscope analyze -v ...} mean the same. {@link BatchscopeMain} reads it from the parse result
 * to add the stack trace to an error.
 */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show the stack trace of an error.")
    boolean verbose;
}
