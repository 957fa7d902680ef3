package org.batchscope.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.batchscope.common.BadInputException;
import picocli.CommandLine;

/**
 * Entry point. Builds the command line with the project's exit-code mapping: bad input (picocli
 * parameter errors and {@link BadInputException}) gives one line on stderr and exit code 2; any other
 * exception gives one line and exit code 1; {@code --verbose} adds the stack trace.
 */
public final class BatchscopeMain {

    private BatchscopeMain() {
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** @return the configured command line; tests call {@code execute} on it with captured writers */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new BatchscopeCommand());
        cli.setExecutionExceptionHandler(BatchscopeMain::handleException);
        cli.setParameterExceptionHandler(BatchscopeMain::handleParameterException);
        cli.setExitCodeExceptionMapper(e -> e instanceof BadInputException ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        return ExitCodes.BAD_INPUT;
    }

    private static int handleException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = isVerbose(parseResult);
        if (e instanceof BadInputException) {
            err.println("error: " + e.getMessage());
        } else if (e instanceof UncheckedIOException io) {
            err.println("error: " + io.getMessage());
        } else {
            err.println("error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)"));
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof BadInputException ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
    }

    private static boolean isVerbose(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
