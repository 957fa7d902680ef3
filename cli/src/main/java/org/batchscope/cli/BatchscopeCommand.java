package org.batchscope.cli;

import org.batchscope.common.ToolVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code batchscope} command; it only groups the subcommands. */
@Command(name = "batchscope",
        mixinStandardHelpOptions = true,
        versionProvider = BatchscopeCommand.Version.class,
        description = {
            "Synthetic structured-noise benchmarks and batch-size oscillation analysis.",
            "Progress and logs go to stderr; results go to stdout and files."},
        subcommands = {
            CommandLine.HelpCommand.class,
            GenerateCommand.class,
            AnalyzeCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            ReportCommand.class,
            ExperimentCommand.class,
            DiagnoseCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:failure (I/O error, bug)",
            "2:bad input (option, spec value or file)"})
public final class BatchscopeCommand implements Runnable {

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Reads the version generated at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.toolString(),
                "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
                        + " " + System.getProperty("os.arch")};
        }
    }
}
