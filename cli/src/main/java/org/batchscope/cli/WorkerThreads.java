package org.batchscope.cli;

import picocli.CommandLine.Option;

/** Mixin for {@code --threads} of the generators and their benchmarks: worker threads, all cores by default. */
final class WorkerThreads {

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Output does not depend on it.")
    Integer threads;

    /** @return {@code --threads}, or the number of available processors when it was not given */
    int count() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
