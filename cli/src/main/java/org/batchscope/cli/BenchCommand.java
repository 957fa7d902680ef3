package org.batchscope.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code batchscope bench}: groups the speed benchmarks; each prints its figures to stdout. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure speed (generation throughput, training steps/s, analysis against training) on this machine.",
        subcommands = {BenchImagesCommand.class, BenchTabularCommand.class, BenchEnginesCommand.class,
            BenchAnalysisCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
