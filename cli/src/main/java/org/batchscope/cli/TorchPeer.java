package org.batchscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PyTorch CPU reference: runs the bundled {@code torch_peer.py} (the same models, plain SGD) with a
 * Python that has torch (by default Debian's {@code /usr/bin/python3} with python3-torch) and parses its
 * tab-separated lines into {@link EngineBenchmark.Result}s; its process gets {@link PythonPeer#process}'s
 * environment.
 */
final class TorchPeer {

    private static final String SCRIPT = "bench/torch_peer.py";

    private TorchPeer() {
    }

    /** @return why PyTorch cannot run with {@code python}, or empty when it can */
    static Optional<String> unavailable(String python) {
        try {
            Process check = PythonPeer.process(List.of(python, "-c", "import torch")).redirectErrorStream(true).start();
            check.getInputStream().transferTo(OutputStream.nullOutputStream());
            return check.waitFor() == 0 ? Optional.empty()
                    : Optional.of(python + " cannot import torch; on Debian: apt-get install python3-torch");
        } catch (IOException e) {
            return Optional.of(python + " not found (" + e.getMessage() + "); on Debian: apt-get install python3-torch");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** Runs the script; its stderr (the torch version and threads) goes to {@code log}. */
    static List<EngineBenchmark.Result> run(String python, List<String> models, List<Integer> batchSizes,
            double seconds, PrintWriter log) {
        try {
            Path script = Files.createTempFile("batchscope-torch-peer", ".py");
            try (InputStream in = TorchPeer.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Process process = PythonPeer.process(List.of(python, script.toString(), "--models", String.join(",", models),
                        "--batch-sizes", String.join(",", batchSizes.stream().map(String::valueOf).toList()),
                        "--seconds", String.valueOf(seconds))).redirectError(ProcessBuilder.Redirect.PIPE).start();
                List<EngineBenchmark.Result> results = new ArrayList<>();
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        String[] f = line.split("\t");
                        results.add(new EngineBenchmark.Result(f[0], Integer.parseInt(f[1]), f[2], Double.parseDouble(f[3])));
                    }
                }
                log.print(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                log.flush();
                if (process.waitFor() != 0) {
                    throw new IllegalStateException("the PyTorch reference failed (exit " + process.exitValue() + ")");
                }
                return results;
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
