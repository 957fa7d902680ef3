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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope diagnose LOG...}: reads training logs, prints what was read from each (layout, x
 * column, compared series), the oscillation metrics of each and a short reading to stdout, and writes the
 * charts, {@code diagnose.json}, {@code diagnose.pdf} and {@code report.html}. Every
 * log is read and measured before anything is written, so a bad log leaves no files behind.
 */
@Command(name = "diagnose",
        mixinStandardHelpOptions = true,
        description = {
            "Measure how much existing training curves oscillate and chart them.",
            "Reads Keras CSVLogger logs (any separator), Lightning metrics.csv, TensorBoard scalar CSV exports,"
                    + " W&B CSV exports, pandas history dumps, or any CSV with --x and --y; the layout, x column and"
                    + " compared series are printed. Give several logs (for example one per batch size) to compare them."})
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

    @Option(names = "--x", paramLabel = "COL",
            description = "x column, overriding the layout's (epoch, step, ...); 'row' for the row number when the"
                    + " file has no x column.")
    String x;

    @Option(names = "--y", paramLabel = "COL", split = ",",
            description = "Series to measure, comma-separated or repeated, overriding the choice by meaning; the first"
                    + " is the one compared across logs.")
    List<String> ys = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "diagnose",
            description = "Output folder for diagnose.pdf, report.html, diagnose.json and the PNG charts (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--overwrite", description = "Replace a diagnosis of other logs in --out (else such a folder is refused).")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Integer b : batchSizes) {
            BadInputException.require(b != null && b >= 1, "--batch-size", "positive integers", batchSizes);
        }
        StringBuilder identity = new StringBuilder("logs");
        for (Path log : logs) {
            InputFiles.requireReadableFile(log, "LOG");
            identity.append(' ').append(Sha256.ofFile(log));
        }
        List<TrainingLog> read = LogReader.readAll(logs, new LogReader.Columns(x, ys));
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
