package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Python peers run with their own OpenBLAS kernels, not with the pin of batchscope's JVM. */
class PythonPeerTest {

    @Test
    void aPeerProcessDoesNotInheritTheOpenBlasPin() {
        // the test JVM is pinned as the launcher pins batchscope's JVM (the parent pom's surefire environment)
        assertThat(System.getenv("OPENBLAS_CORETYPE")).isEqualTo("Haswell");
        ProcessBuilder peer = PythonPeer.process(List.of("/usr/bin/python3", "peer.py"));
        assertThat(peer.environment()).doesNotContainKey("OPENBLAS_CORETYPE");
        assertThat(peer.environment()).containsEntry("PATH", System.getenv("PATH"));
        assertThat(peer.command()).containsExactly("/usr/bin/python3", "peer.py");
    }
}
