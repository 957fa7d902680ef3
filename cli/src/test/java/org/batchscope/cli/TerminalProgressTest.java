package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.batchscope.analyzer.sweep.PlainProgress;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void theBarStartsAtTheRunsDoneBeforeAndEndsFull() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.start(4, 1);
        for (int i = 0; i < 3; i++) {
            progress.finished("B=8 lr=0.1 seed=" + i + " completed");
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("sweep: 4 runs, 1 already done, 3 to run" + System.lineSeparator());
        assertThat(drawn).contains("runs", "4/4");
        // redrawn in place with carriage returns, not one line per run
        assertThat(drawn).contains("\r");
    }

    @Test
    void withoutATerminalProgressIsPlainLines() {
        StringWriter text = new StringWriter();
        assertThat(TerminalProgress.forStderr(new PrintWriter(text), false)).isInstanceOf(PlainProgress.class);
        TerminalProgress.forStderr(new PrintWriter(text), false).start(2, 0);
        assertThat(text.toString()).isEqualTo("sweep: 2 runs, 0 already done, 2 to run" + System.lineSeparator());
    }
}
