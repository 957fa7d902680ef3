package org.batchscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.batchscope.common.BadInputException;
import org.batchscope.common.InputFiles;
import org.batchscope.common.OutputFolder;
import org.batchscope.common.Sha256;
import org.batchscope.analyzer.diagnose.Diagnosis;
import org.batchscope.reports.diagnose.DiagnosisReport;
import org.batchscope.analyzer.diagnose.DiagnosisText;
import org.batchscope.analyzer.diagnose.Labels;
import org.batchscope.analyzer.logs.LogReader;
import org.batchscope.analyzer.logs.TrainingLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope diagnose LOG...}: reads training logs, prints the oscillation metrics of each and a
 * short reading to stdout, and writes the charts, {@code diagnose.json} and {@code diagnose.pdf}. Every
 * log is read and measured before anything is written, so a bad log leaves no files behind.
 */
@Command(name = "diagnose",
        mixinStandardHelpOptions = true,
        description = {
            "Measure how much existing training curves oscillate and chart them.",
            "Reads Keras CSVLogger logs, Lightning metrics.csv, TensorBoard scalar CSV exports, W&B CSV exports,"
                    + " or any CSV with --x and --y. Give several logs (for example one per batch size) to compare them."})
public final class DiagnoseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LOG", arity = "1..*", description = "Training log CSV files.")
    List<Path> logs;

    @Option(names = "--label", paramLabel = "NAME",
            description = "Name of each log, in order (default: the file name; for Lightning's metrics.csv the"
                    + " run folder; for W&B exports the run name). Give one per log or none.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Batch size of each log, in order (default: read from labels like bs8, batch64).")
    List<Integer> batchSizes = new ArrayList<>();

    @Option(names = "--x", paramLabel = "COL", description = "x column of a generic CSV (with --y).")
    String x;

    @Option(names = "--y", paramLabel = "COL", split = ",",
            description = "Series column(s) of a generic CSV (with --x), comma-separated or repeated.")
    List<String> ys;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "diagnose",
            description = "Output folder for diagnose.pdf, diagnose.json and the PNG charts (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--overwrite", description = "Replace a diagnosis of other logs in --out (else such a folder is refused).")
    boolean overwrite;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LogReader.Columns columns = null;
        if (x != null || ys != null) {
            if (x == null || ys == null) {
                throw new BadInputException("--x and --y must be given together");
            }
            columns = new LogReader.Columns(x, ys);
        }
        for (Integer b : batchSizes) {
            BadInputException.require(b != null && b >= 1, "--batch-size", "positive integers", batchSizes);
        }
        StringBuilder identity = new StringBuilder("logs");
        for (Path log : logs) {
            InputFiles.requireReadableFile(log, "LOG");
            identity.append(' ').append(Sha256.ofFile(log));
        }
        List<TrainingLog> read = new ArrayList<>();
        for (Path log : logs) {
            read.addAll(LogReader.read(log, columns));
        }
        Diagnosis diagnosis = Diagnosis.of(Labels.apply(read, labels), batchSizes);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(DiagnosisText.tables(diagnosis));
        stdout.println(DiagnosisText.reading(diagnosis));
        stdout.println();
        List<Path> written;
        try (OutputFolder folder = OutputFolder.claim(out, OutputFolder.Kind.DIAGNOSIS, identity.toString(), overwrite,
                "--out")) {
            written = DiagnosisReport.write(diagnosis, out);
        }
        for (Path file : written) {
            stdout.println("wrote " + file);
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
