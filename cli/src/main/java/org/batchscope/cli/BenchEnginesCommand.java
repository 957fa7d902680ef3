package org.batchscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.batchscope.analyzer.engine.TrainingEngine;
import org.batchscope.analyzer.engine.TrainingEngines;
import org.batchscope.analyzer.engine.lean.LeanEngine;
import org.batchscope.common.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code batchscope bench engines}: training speed of every registered engine that supports each
 * benchmark model, at each batch size, optionally beside the PyTorch CPU reference, as a table on stdout.
 */
@Command(name = "engines",
        mixinStandardHelpOptions = true,
        description = {"Time training steps of every engine on the benchmark MLP and CNN.",
            "",
            "Random data, SGD; prints steps/s, samples/s and GFLOP/s (multiply-adds of the convolutions and dense "
                    + "layers, forward and backward) per model, batch size and engine; with --python also "
                    + "PyTorch's (Debian's python3-torch) and the ratios."})
public final class BenchEnginesCommand implements Callable<Integer> {

    private static final List<String> MODELS = List.of("mlp", "cnn");


    @Spec
    CommandSpec spec;

    @Option(names = "--models", split = ",", paramLabel = "MODEL", defaultValue = "mlp,cnn",
            description = "Models: mlp (64-64-2), cnn (3x64x64, conv 16 and 32, dense 64). Default: ${DEFAULT-VALUE}.")
    List<String> models;

    @Option(names = "--batch-sizes", split = ",", paramLabel = "B", defaultValue = "1,4,8,32",
            description = "Batch sizes. Default: ${DEFAULT-VALUE}.")
    List<Integer> batchSizes;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "Seconds of timed training per configuration. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--threads-per-run", defaultValue = "1", paramLabel = "N",
            description = "Threads of one lean run: 1, or 2 to split each minibatch over two threads "
                    + "(sets the system property " + LeanEngine.THREADS_PER_RUN_PROPERTY + "). Default: ${DEFAULT-VALUE}.")
    int threadsPerRun;

    @Option(names = "--python", description = "Also run the PyTorch CPU reference and print lean/PyTorch ratios.")
    boolean python;

    @Option(names = "--python-exe", paramLabel = "PATH", defaultValue = "/usr/bin/python3",
            description = "The Python with torch (Debian's python3-torch). Default: ${DEFAULT-VALUE}.")
    String pythonExe;

    @Override
    public Integer call() {
        for (String m : models) {
            BadInputException.require(MODELS.contains(m), "--models", "a list of " + String.join(", ", MODELS), m);
        }
        for (int b : batchSizes) {
            BadInputException.require(b > 0, "--batch-sizes", "positive integers", b);
        }
        BadInputException.require(seconds > 0 && seconds <= 600, "--seconds", "a number in (0, 600]", seconds);
        BadInputException.require(threadsPerRun == 1 || threadsPerRun == 2, "--threads-per-run", "1 or 2",
                threadsPerRun);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf("lean threads per run: %d%n", threadsPerRun);
        out.printf("%-5s %6s %-8s %12s %12s %9s%n", "model", "batch", "engine", "steps/s", "samples/s", "GFLOP/s");
        List<EngineBenchmark.Result> results = new ArrayList<>();
        String oldThreads = System.getProperty(LeanEngine.THREADS_PER_RUN_PROPERTY);
        System.setProperty(LeanEngine.THREADS_PER_RUN_PROPERTY, Integer.toString(threadsPerRun));
        try {
            measureAll(out, results);
        } finally {
            if (oldThreads == null) {
                System.clearProperty(LeanEngine.THREADS_PER_RUN_PROPERTY);
            } else {
                System.setProperty(LeanEngine.THREADS_PER_RUN_PROPERTY, oldThreads);
            }
        }
        if (python) {
            Optional<String> missing = TorchPeer.unavailable(pythonExe);
            if (missing.isPresent()) {
                err.println("PyTorch reference skipped: " + missing.get());
            } else {
                List<EngineBenchmark.Result> torch = TorchPeer.run(pythonExe, models, batchSizes, seconds, err);
                torch.forEach(r -> print(out, r));
                printRatios(out, results, torch);
            }
        }
        return ExitCodes.OK;
    }

    private void measureAll(PrintWriter out, List<EngineBenchmark.Result> results) {
        for (String model : models) {
            for (int batch : batchSizes) {
                for (TrainingEngine engine : TrainingEngines.all()) {
                    if (engine.supports(EngineBenchmark.model(model))) {
                        results.add(print(out, EngineBenchmark.measure(engine, model, batch, seconds)));
                    }
                }
            }
        }
    }

    private static EngineBenchmark.Result print(PrintWriter out, EngineBenchmark.Result r) {
        out.printf("%-5s %6d %-8s %12.1f %12.1f %9.2f%n", r.model(), r.batchSize(), r.engine(), r.stepsPerSecond(),
                r.samplesPerSecond(), r.gigaflopsPerSecond());
        out.flush();
        return r;
    }

    private static void printRatios(PrintWriter out, List<EngineBenchmark.Result> java, List<EngineBenchmark.Result> torch) {
        out.printf("%nspeed relative to PyTorch (engine steps/s over PyTorch steps/s, same model and batch)%n");
        out.printf("%-5s %6s %-8s %8s%n", "model", "batch", "engine", "ratio");
        for (EngineBenchmark.Result j : java) {
            for (EngineBenchmark.Result t : torch) {
                if (t.model().equals(j.model()) && t.batchSize() == j.batchSize()) {
                    out.printf("%-5s %6d %-8s %8.2f%n", j.model(), j.batchSize(), j.engine(),
                            j.stepsPerSecond() / t.stepsPerSecond());
                }
            }
        }
    }
}
