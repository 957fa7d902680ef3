package org.batchscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.engine.BlasKernel;

/**
 * A Python peer of a {@code bench} command: a script bundled in the jar under {@code bench/}, run with
 * a given Python (Debian's {@code /usr/bin/python3} by default), that prints one line
 * {@code seconds=<wall seconds> cpu_seconds=<process CPU seconds>} for its timed part (imports
 * excluded) and exits with {@value #MISSING_MODULE} and a message when one of its modules is missing.
 * Then, or when the Python itself is missing, the peer is skipped with one line naming the Debian
 * packages to install.
 */
final class PythonPeer {

    /** Wall-clock and process CPU seconds of the peer's timed part. */
    record Timing(double seconds, double cpuSeconds) {
    }

    private static final int MISSING_MODULE = 3;

    private final String script;
    private final String description;
    private final String debianPackages;

    /**
     * @param script         the resource path, for example {@code bench/pil_peer.py}
     * @param description    what the peer does, for messages ({@code python peer (PIL) failed ...})
     * @param debianPackages the packages it needs, space-separated, for the install hint
     */
    PythonPeer(String script, String description, String debianPackages) {
        this.script = script;
        this.description = description;
        this.debianPackages = debianPackages;
    }

    /**
     * @return a builder for a peer's process, with this process's environment less {@code OPENBLAS_CORETYPE}
     *         (whatever its value): the launcher pins batchscope's OpenBLAS kernels for reproducible runs
     *         (analyzer/README.md, "The same run on every machine"), and the peers' own OpenBLAS (numpy's,
     *         PyTorch's on Debian) should pick its kernels by the CPU, as it does for anyone who runs them
     */
    static ProcessBuilder process(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(BlasKernel.VARIABLE);
        return builder;
    }

    /**
     * Copies the script into {@code work} and runs it with {@code arguments}.
     *
     * @return its timing, or null (after one line on {@code err}) when Python or a module is missing
     */
    Timing run(Path python, Path work, PrintWriter err, String... arguments) throws IOException, InterruptedException {
        String install = "apt-get install -y " + debianPackages;
        if (!Files.isExecutable(python)) {
            err.println(description + " skipped: " + python + " not found; install Debian's python3 with '" + install + "'");
            err.flush();
            return null;
        }
        Path copy = work.resolve(Path.of(script).getFileName());
        try (InputStream in = PythonPeer.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException(script + " missing from the batchscope jar");
            }
            Files.copy(in, copy);
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), copy.toString()));
        command.addAll(List.of(arguments));
        Process process = process(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int code = process.waitFor();
        if (code == MISSING_MODULE) {
            err.println(description + " skipped: " + output + "; install with '" + install + "' (Debian's packages for "
                    + python + ")");
            err.flush();
            return null;
        }
        if (code != 0 || !output.startsWith("seconds=")) {
            throw new IllegalStateException(description + " failed (exit " + code + "): " + output);
        }
        String[] fields = output.split(" ");
        return new Timing(Double.parseDouble(fields[0].substring("seconds=".length())),
                Double.parseDouble(fields[1].substring("cpu_seconds=".length())));
    }
}
