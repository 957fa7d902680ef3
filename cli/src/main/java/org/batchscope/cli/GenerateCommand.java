package org.batchscope.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code batchscope generate}: groups the dataset generators. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate a synthetic benchmark dataset (images or tables) with a structured-noise dial.",
        subcommands = {GenerateImagesCommand.class, GenerateTabularCommand.class})
public final class GenerateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
