package org.batchscope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code batchscope demo}: the whole tool on a built-in default. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the built-in demonstration.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("batchscope demo: nothing to demonstrate yet.");
        return ExitCodes.OK;
    }
}
