package org.batchscope.analyzer.engine.dl4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's DL4J configuration starts from DL4J's own initialisation, seeded by the run's seed: the same
 * seed must give bit-identical losses in separate JVMs and whatever ran before it in the JVM, for every
 * seed, seed 0 included (the first seed of every sweep), and different seeds must start differently.
 */
class UserModelReproducibilityTest {

    @TempDir
    Path dir;

    @Test
    void everySeedIsBitReproducibleAcrossProcesses() throws Exception {
        Path json = dir.resolve("mlp.json");
        Files.writeString(json, Dl4jNetworkFactory.builtIn(new ModelArchitecture.Mlp(20, List.of(16), 3)).toJson());
        // two fresh JVMs, the seeds in opposite orders: a seed's losses may depend on nothing but the seed
        List<String> forward = run(json, "0", "1", "7");
        List<String> backward = run(json, "7", "1", "0");
        assertThat(forward).hasSize(3);
        assertThat(forward.get(0).split(" ")).as("seed and 5 losses").hasSize(6);
        assertThat(forward).as("seeds 0, 1, 7 in both processes").containsExactlyInAnyOrderElementsOf(backward);
        assertThat(losses(forward.get(0))).as("seeds 0 and 1 start apart").isNotEqualTo(losses(forward.get(1)));
        assertThat(losses(forward.get(1))).as("seeds 1 and 7 start apart").isNotEqualTo(losses(forward.get(2)));
    }

    private static String losses(String line) {
        return line.substring(line.indexOf(' ') + 1);
    }

    private List<String> run(Path json, String... seeds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run", ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UserModelRun.class.getName(), json.toString()));
        command.addAll(List.of(seeds));
        Process process = new ProcessBuilder(command).redirectOutput(log.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }
}
