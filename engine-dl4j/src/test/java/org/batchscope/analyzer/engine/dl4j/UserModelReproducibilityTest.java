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
 * seed must give bit-identical losses in separate JVMs, for every seed, seed 0 included (the first seed
 * of every sweep), and different seeds must start differently.
 */
class UserModelReproducibilityTest {

    @TempDir
    Path dir;

    @Test
    void everySeedIsBitReproducibleAcrossProcesses() throws Exception {
        Path json = dir.resolve("mlp.json");
        Files.writeString(json, Dl4jNetworkFactory.builtIn(new ModelArchitecture.Mlp(20, List.of(16), 3)).toJson());
        List<List<String>> bySeed = new ArrayList<>();
        for (long seed : new long[] {0, 1, 7}) {
            List<String> first = run(json, seed);
            List<String> second = run(json, seed);
            assertThat(first).as("seed " + seed).hasSize(5).isEqualTo(second);
            bySeed.add(first);
        }
        assertThat(bySeed.get(0).get(0)).as("seeds 0 and 1 start apart").isNotEqualTo(bySeed.get(1).get(0));
        assertThat(bySeed.get(1).get(0)).as("seeds 1 and 7 start apart").isNotEqualTo(bySeed.get(2).get(0));
    }

    private List<String> run(Path json, long seed) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "run", ".txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UserModelRun.class.getName(), json.toString(),
                String.valueOf(seed)).redirectErrorStream(false).redirectOutput(log.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }
}
