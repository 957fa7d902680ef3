package org.batchscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.batchscope.common.OutputFolder;
import org.batchscope.reports.results.ResultsReader;
import org.batchscope.reports.results.SweepResults;
import org.batchscope.reports.sweep.CurveAxis;
import org.batchscope.reports.sweep.ReportSections;
import org.batchscope.reports.sweep.SweepReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope report RESULTS_DIR}: reads an analyzer results folder and writes {@code report.pdf}
 * and one PNG per chart. The whole folder is read before anything is written, so a bad folder leaves
 * no files behind.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write the PDF report and PNG charts of a sweep's results folder.",
            "",
            "The results folder is what batchscope analyze wrote. The report holds the verdict, a summary table "
                    + "per cell, every chart with a caption on how to read it, and the metric formulas."})
public final class ReportCommand implements Callable<Integer> {

    /** The report's folder inside the results folder when --out is not given. */
    static final String DEFAULT_FOLDER = "report";

    @Parameters(paramLabel = "RESULTS_DIR", description = "The results folder of batchscope analyze (--out).")
    Path results;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder for report.pdf and the PNGs (default: RESULTS_DIR/report).")
    Path out;

    @Option(names = "--x-axis", defaultValue = "epochs", paramLabel = "AXIS",
            description = "x axis of the training curves (chart 1): epochs, steps or samples. Default: ${DEFAULT-VALUE}.")
    String xAxis;

    @Option(names = "--overwrite", description = "Replace a report of other results in --out (else such a folder is refused).")
    boolean overwrite;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        write(results, out == null ? results.resolve(DEFAULT_FOLDER) : out, CurveAxis.parse(xAxis), overwrite, stdout);
        stdout.flush();
        return ExitCodes.OK;
    }

    /**
     * Reads {@code results}, claims {@code out} (a report of these results, or empty; another report only
     * with {@code overwrite}), writes the report into it and prints where it is.
     *
     * @return the PDF
     */
    static Path write(Path results, Path out, CurveAxis xAxis, boolean overwrite, PrintWriter stdout) {
        SweepResults read = ResultsReader.read(results);
        List<Path> written;
        String identity = "results " + results.toAbsolutePath().normalize();
        try (OutputFolder folder = OutputFolder.claim(out, OutputFolder.Kind.REPORT, identity, overwrite, "--out")) {
            written = SweepReport.write(read, ReportSections.standard(xAxis), out);
        }
        Path pdf = out.resolve(SweepReport.PDF);
        long charts = written.stream().filter(p -> p.getFileName().toString().endsWith(".png")).count();
        stdout.println("report: " + pdf + " and " + out.resolve(SweepReport.HTML) + " (" + charts
                + " charts as PNG in " + out + ")");
        return pdf;
    }
}
