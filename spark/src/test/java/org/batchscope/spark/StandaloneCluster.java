package org.batchscope.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and workers, each a separate JVM started
 * from the Spark jars of the test class path (gathered as {@code <home>/jars}, the layout of a Spark
 * distribution, which a worker also uses to start its executors). batchscope's own jars are left out:
 * executors get batchscope from the application jar the driver ships ({@code spark.jars}).
 * {@link #close} kills every process it started and their descendants.
 */
final class StandaloneCluster implements AutoCloseable {

    private final Path home;
    private final List<String> jvmOptions;
    private final int masterPort;
    private final List<Process> processes = new ArrayList<>();
    private final List<ProcessHandle> descendants = new ArrayList<>();

    /**
     * Starts the master and waits until it is leader.
     *
     * @param dir        a scratch folder
     * @param jvmOptions options for every JVM (Spark's --add-opens list on Java 17)
     */
    StandaloneCluster(Path dir, List<String> jvmOptions, Duration timeout) throws IOException, InterruptedException {
        this.home = dir.resolve("spark-home");
        this.jvmOptions = jvmOptions;
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            String name = jar.getFileName().toString();
            if (name.endsWith(".jar") && !name.startsWith("batchscope") && Files.isRegularFile(jar)
                    && !Files.exists(jars.resolve(name))) {
                Files.createSymbolicLink(jars.resolve(name), jar.toAbsolutePath());
            }
        }
        this.masterPort = freePort();
        Path log = dir.resolve("master.log");
        start(log, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
        awaitLine(log, "I have been elected leader", timeout);
    }

    /** @return the master's URL */
    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /**
     * Starts a worker with {@code cores} cores and waits until the master has registered it.
     *
     * @return its process (kill it to kill the worker; its executors exit when they lose it)
     */
    Process startWorker(String name, int cores, Path dir, Duration timeout) throws IOException, InterruptedException {
        Path log = dir.resolve(name + ".log");
        Process worker = start(log, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                String.valueOf(cores), "--memory", "2g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                Files.createDirectories(dir.resolve(name + "-work")).toString(), masterUrl());
        awaitLine(log, "Successfully registered with master", timeout);
        return worker;
    }

    /** Kills {@code process} with SIGKILL, remembering its descendants for {@link #close}. */
    void kill(Process process) throws InterruptedException {
        process.descendants().forEach(descendants::add);
        process.destroyForcibly().waitFor();
    }

    private Process start(Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(home.resolve("jars") + File.separator + "*");
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOCAL_HOSTNAME", "localhost");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static void awaitLine(Path log, String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + text + "' in " + log + " within " + timeout + ":\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.descendants().forEach(descendants::add);
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
