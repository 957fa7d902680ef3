package org.batchscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based tests of bad input: for any generated CSV table, NPY pair, tabular spec or training log
 * the command either succeeds (exit 0, its output complete) or refuses with exit code 2 and one line
 * "error: ..." (no stack trace) and leaves no output folder behind. Never exit code 1. Each property tries
 * the number of cases its {@code tries} says (jqwik's default seed handling: a failing case is shrunk and
 * printed with its seed for replay); all four together take about a minute here.
 */
class FuzzedInputTest {

    private static final String[] CELLS = {"0", "1", "-2.5", "1e3", "3", "NaN", "inf", "", " ", "abc", "\"q,1\"",
        "é", "1e400", "0x1F", "\"\"", "2"};
    private static final String[] NAMES = {"a", "b", "label", "label", "x", "", "y", "Label"};

    private static void assertSucceedsOrRefusesCleanly(CliRunner.Result result, Path out, String written) {
        assertThat(result.exitCode()).as(result.err()).isIn(ExitCodes.OK, ExitCodes.BAD_INPUT);
        assertThat(result.err()).as("no stack trace").doesNotContain("\tat ", "Exception");
        if (result.exitCode() == ExitCodes.BAD_INPUT) {
            assertThat(result.err()).startsWith("error: ");
            assertThat(result.err().strip().lines().count()).as(result.err()).isEqualTo(1);
            assertThat(out).as("nothing written on bad input").doesNotExist();
        } else {
            assertThat(out.resolve(written)).as(result.err()).isRegularFile();
        }
    }

    private static Path tempDir() throws IOException {
        return Files.createTempDirectory("fuzz");
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static CliRunner.Result analyze(Path data, Path out) {
        return CliRunner.run("analyze", "--data", data.toString(), "--out", out.toString(), "--batch-sizes", "1",
                "--seeds", "1", "--epochs", "1", "--threads", "1", "--probes-per-run", "0", "--no-report");
    }

    // ---- CSV tables -------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> csvTables() {
        Arbitrary<List<String>> header = Arbitraries.of(NAMES).list().ofMinSize(0).ofMaxSize(4);
        Arbitrary<List<List<String>>> rows = Arbitraries.of(CELLS).list().ofMinSize(0).ofMaxSize(5).list()
                .ofMinSize(0).ofMaxSize(8);
        return Combinators.combine(header, rows).as((h, r) -> {
            StringBuilder text = new StringBuilder(String.join(",", h)).append('\n');
            r.forEach(row -> text.append(String.join(",", row)).append('\n'));
            return text.toString();
        });
    }

    @Property(tries = 60)
    void anyCsvTableIsTrainedOrRefusedInOneLine(@ForAll("csvTables") String table) throws IOException {
        Path dir = tempDir();
        try {
            Path csv = dir.resolve("t.csv");
            Files.writeString(csv, table, StandardCharsets.UTF_8);
            Path out = dir.resolve("out");
            assertSucceedsOrRefusesCleanly(analyze(csv, out), out, "summary.json");
        } finally {
            delete(dir);
        }
    }

    // ---- NPY pairs --------------------------------------------------------------------------------

    /** One .npy file: dtype, fortran order, shape and how many data bytes follow, all drawn. */
    record Npy(String descr, boolean fortran, List<Integer> shape, int extraBytes, boolean badMagic, float fill) {
        byte[] bytes() {
            String shapeText = shape.size() == 1 ? "(" + shape.get(0) + ",)"
                    : "(" + String.join(", ", shape.stream().map(String::valueOf).toList()) + ")";
            String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                    + ", 'shape': " + shapeText + ", }";
            int headerLength = 10 + dict.length() + 1;
            int padded = (headerLength + 63) / 64 * 64;
            StringBuilder header = new StringBuilder(dict);
            while (10 + header.length() + 1 < padded) {
                header.append(' ');
            }
            header.append('\n');
            long count = 1;
            for (int d : shape) {
                count *= d;
            }
            int itemSize = descr.endsWith("8") ? 8 : descr.endsWith("1") ? 1 : 4;
            int dataBytes = (int) Math.max(0, Math.min(1 << 16, count * itemSize + extraBytes));
            ByteBuffer buffer = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
            buffer.put(badMagic ? (byte) 0x92 : (byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII))
                    .put((byte) 1).put((byte) 0).putShort((short) header.length())
                    .put(header.toString().getBytes(StandardCharsets.US_ASCII));
            while (buffer.remaining() >= 4) {
                if (descr.contains("f4")) {
                    buffer.putFloat(fill);
                } else {
                    buffer.putInt(Float.isFinite(fill) ? Math.round(fill) : -1);
                }
            }
            return buffer.array();
        }
    }

    @Provide
    Arbitrary<Npy> features() {
        return Combinators.combine(Arbitraries.of("<f4", "<f8", "<i4", "|u1", ">f4", "<c8"), Arbitraries.of(false, true),
                Arbitraries.integers().between(0, 12).list().ofMinSize(1).ofMaxSize(4),
                Arbitraries.of(0, 0, 0, -4, 4), Arbitraries.of(false, false, false, true),
                Arbitraries.of(0.5f, 1f, Float.NaN, Float.POSITIVE_INFINITY, -3f)).as(Npy::new);
    }

    @Provide
    Arbitrary<Npy> labels() {
        return Combinators.combine(Arbitraries.of("<i4", "<i4", "<f4", "<i8"), Arbitraries.just(false),
                Arbitraries.integers().between(0, 12).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of(0, 0, -4), Arbitraries.just(false), Arbitraries.of(0f, 1f, 2f, -1f)).as(Npy::new);
    }

    @Property(tries = 50)
    void anyNpyPairIsTrainedOrRefusedInOneLine(@ForAll("features") Npy x, @ForAll("labels") Npy y)
            throws IOException {
        Path dir = tempDir();
        try {
            Files.write(dir.resolve("train_X.npy"), x.bytes());
            Files.write(dir.resolve("train_y.npy"), y.bytes());
            Path out = dir.resolve("out");
            assertSucceedsOrRefusesCleanly(analyze(dir.resolve("train_X.npy"), out), out, "summary.json");
        } finally {
            delete(dir);
        }
    }

    // ---- tabular specs ----------------------------------------------------------------------------

    private static final String[] KEYS = {"ratio", "rho", "rho_eval", "shortcut_block", "n_classes", "n_informative",
        "n_redundant", "n_repeated", "class_sep", "weights", "flip_y", "n_noise", "noise_std", "rotate", "anonymous",
        "formats", "noise_blocks", "seed", "magic", "n_clusters_per_class"};
    private static final String[] VALUES = {"0", "1", "2", "3", "-1", "99", "0.5", "-0.1", "1e9", "x", "true", "null",
        "[1, 2]", "[0.5, 0.5]", "[csv]", "[npy, csv]", "[]", "{kind: magic}", "[{kind: magic}]", "'1'", "~", "\"\""};

    @Provide
    Arbitrary<String> specs() {
        Arbitrary<String> line = Combinators.combine(Arbitraries.of(KEYS), Arbitraries.of(VALUES))
                .as((k, v) -> k + ": " + v);
        return line.list().ofMinSize(0).ofMaxSize(5).map(lines -> String.join("\n", lines) + "\n");
    }

    @Property(tries = 50)
    void anyTabularSpecIsGeneratedOrRefusedInOneLine(@ForAll("specs") String spec) throws IOException {
        Path dir = tempDir();
        try {
            Path file = dir.resolve("spec.yaml");
            Files.writeString(file, spec, StandardCharsets.UTF_8);
            Path out = dir.resolve("out");
            CliRunner.Result result = CliRunner.run("generate", "tabular", "--spec", file.toString(), "--out",
                    out.toString(), "--train", "40", "--val", "10", "--test", "10", "--threads", "1");
            assertSucceedsOrRefusesCleanly(result, out, "manifest.json");
        } finally {
            delete(dir);
        }
    }

    // ---- training logs ----------------------------------------------------------------------------

    @Provide
    Arbitrary<String> logs() {
        Arbitrary<List<String>> header = Arbitraries.of("epoch", "step", "loss", "val_loss", "accuracy", "val_accuracy",
                "", "lr").list().ofMinSize(0).ofMaxSize(4);
        Arbitrary<List<List<String>>> rows = Arbitraries.of("0", "1", "2", "0.5", "0.25", "NaN", "", "x", "-1", "1e9")
                .list().ofMinSize(0).ofMaxSize(5).list().ofMinSize(0).ofMaxSize(12);
        return Combinators.combine(header, rows).as((h, r) -> {
            StringBuilder text = new StringBuilder(String.join(",", h)).append('\n');
            r.forEach(row -> text.append(String.join(",", row)).append('\n'));
            return text.toString();
        });
    }

    @Property(tries = 50)
    void anyLogIsDiagnosedOrRefusedInOneLine(@ForAll("logs") String log) throws IOException {
        Path dir = tempDir();
        try {
            Path file = dir.resolve("bs8.csv");
            Files.writeString(file, log, StandardCharsets.UTF_8);
            Path out = dir.resolve("out");
            assertSucceedsOrRefusesCleanly(CliRunner.run("diagnose", file.toString(), "--out", out.toString()), out,
                    "diagnose.json");
        } finally {
            delete(dir);
        }
    }
}
