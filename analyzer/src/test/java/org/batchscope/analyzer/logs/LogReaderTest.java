package org.batchscope.analyzer.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchscope.common.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the sample logs of every layout and checks values, gaps and the messages for bad logs. */
class LogReaderTest {

    /** samples/logs at the repository root; tests run in the module folder. */
    static final Path SAMPLES = Path.of("..", "samples", "logs");

    @TempDir
    Path dir;

    @Test
    void kerasLogGivesOneCurvePerColumnAgainstEpoch() {
        TrainingLog log = single(SAMPLES.resolve("keras/bs8.csv"));
        assertThat(log.layout()).isEqualTo(LogLayout.KERAS);
        assertThat(log.label()).isEqualTo("bs8");
        assertThat(log.curves()).extracting(Curve::name).containsExactly("accuracy", "loss", "val_accuracy", "val_loss");
        assertThat(log.curves()).extracting(Curve::kind).containsExactly(SeriesKind.TRAIN_ACCURACY,
                SeriesKind.TRAIN_LOSS, SeriesKind.VAL_ACCURACY, SeriesKind.VAL_LOSS);
        Curve valAccuracy = log.curves().get(2);
        assertThat(valAccuracy.xName()).isEqualTo("epoch");
        assertThat(valAccuracy.perStep()).isFalse();
        assertThat(valAccuracy.x()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(valAccuracy.y()).containsExactly(0.60, 0.70, 0.65, 0.75, 0.70, 0.80, 0.72, 0.82);
    }

    @Test
    void lightningGapsAreMissingValuesAndSeriesGetTheirOwnX() {
        TrainingLog log = single(SAMPLES.resolve("lightning/bs32/metrics.csv"));
        assertThat(log.layout()).isEqualTo(LogLayout.LIGHTNING);
        assertThat(log.label()).isEqualTo("bs32"); // generic metrics.csv: the folder names the run
        Curve train = curve(log, "train_loss");
        assertThat(train.kind()).isEqualTo(SeriesKind.TRAIN_LOSS);
        assertThat(train.perStep()).isTrue();
        assertThat(train.xName()).isEqualTo("step");
        assertThat(train.points()).isEqualTo(16); // 20 rows, 4 of them epoch rows with a blank train_loss
        assertThat(train.x()[5]).isEqualTo(5);
        assertThat(train.y()[5]).isEqualTo(2.00);
        Curve valAcc = curve(log, "val_acc");
        assertThat(valAcc.kind()).isEqualTo(SeriesKind.VAL_ACCURACY);
        assertThat(valAcc.xName()).isEqualTo("epoch");
        assertThat(valAcc.x()).containsExactly(0, 1, 2, 3);
        assertThat(valAcc.y()).containsExactly(0.60, 0.70, 0.68, 0.74);
    }

    @Test
    void tensorBoardExportTakesRunAndTagFromTheFileName() {
        TrainingLog log = single(SAMPLES.resolve("tensorboard/run-bs16-tag-train_loss.csv"));
        assertThat(log.layout()).isEqualTo(LogLayout.TENSORBOARD);
        assertThat(log.label()).isEqualTo("bs16");
        Curve loss = log.curves().get(0);
        assertThat(loss.name()).isEqualTo("train_loss");
        assertThat(loss.kind()).isEqualTo(SeriesKind.TRAIN_LOSS);
        assertThat(loss.perStep()).isTrue();
        assertThat(loss.x()).containsExactly(0, 10, 20, 30, 40, 50, 60, 70);
        assertThat(loss.y()).containsExactly(1.2, 1.0, 1.1, 0.9, 1.0, 0.8, 0.9, 0.7);
    }

    @Test
    void wandbExportGivesOneLogPerRunAndSkipsMinMaxColumns() {
        List<TrainingLog> logs = LogReader.read(SAMPLES.resolve("wandb/export.csv"), null);
        assertThat(logs).extracting(TrainingLog::label).containsExactly("bs128", "bs256");
        assertThat(logs.get(0).curves()).hasSize(1);
        Curve bs128 = logs.get(0).curves().get(0);
        assertThat(bs128.name()).isEqualTo("val_acc");
        assertThat(bs128.kind()).isEqualTo(SeriesKind.VAL_ACCURACY);
        assertThat(bs128.y()).containsExactly(0.55, 0.62, 0.66, 0.64, 0.70, 0.68);
        Curve bs256 = logs.get(1).curves().get(0);
        assertThat(bs256.x()).containsExactly(100, 300, 500, 600); // blank cells at 200 and 400
        assertThat(bs256.y()).containsExactly(0.52, 0.60, 0.66, 0.70);
    }

    @Test
    void anyCsvWithChosenColumns() throws Exception {
        Path file = write("custom.csv", "when,score,note\n1,0.5,a\n2,,b\n3,0.7,c\n");
        TrainingLog log = single(LogReader.read(file, new LogReader.Columns("when", List.of("score"))));
        assertThat(log.layout()).isEqualTo(LogLayout.COLUMNS);
        assertThat(log.requested()).containsExactly("score");
        Curve score = log.curve("score");
        assertThat(score.xName()).isEqualTo("when");
        assertThat(score.kind()).isEqualTo(SeriesKind.OTHER);
        assertThat(score.x()).containsExactly(1, 3);
        assertThat(score.y()).containsExactly(0.5, 0.7);
    }

    @Test
    void nanAndInfAreKeptAsideAndTheFirstIsReported() throws Exception {
        Path file = write("nan.csv", "epoch,loss\n0,1.0\n1,nan\n2,-Infinity\n3,0.5\n");
        Curve loss = single(file).curves().get(0);
        assertThat(loss.y()).containsExactly(1.0, 0.5);
        assertThat(loss.x()).containsExactly(0, 3);
        assertThat(loss.nonFinite()).isEqualTo(new NonFinite(1, 3, Double.NaN, 2, 1));
        assertThat(loss.nonFinite().text()).isEqualTo("nan");
    }

    @Test
    void unknownLayoutIsOneClearLineWithAShortHeader() throws Exception {
        Path file = write("odd.csv", "when,how much\n1,2\n");
        assertThatThrownBy(() -> LogReader.read(file, null)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": unknown log layout (columns: when, how much): no epoch, step, loss or accuracy"
                        + " column; pass --y (and --x, or --x row for the row number) to choose the columns");
        StringBuilder wide = new StringBuilder("a0");
        for (int c = 1; c < 300; c++) {
            wide.append(",a").append(c);
        }
        Path many = write("wide.csv", wide + "\n" + "1,".repeat(299) + "1\n");
        assertThatThrownBy(() -> LogReader.read(many, null)).hasMessageContaining("a11, ... (300 columns)")
                .message().hasSizeLessThan(400);
    }

    @Test
    void rowNumberRescuesAFileWithoutAnXColumnAndEveryYIsKept() throws Exception {
        Path file = write("scores.csv", "score;other\n0,5;1\n0,7;2\n0,6;3\n");
        TrainingLog log = single(LogReader.read(file, new LogReader.Columns("row", List.of("score", "other"))));
        assertThat(log.requested()).containsExactly("score", "other");
        Curve score = log.curve("score");
        assertThat(score.xName()).isEqualTo("row");
        assertThat(score.x()).containsExactly(1, 2, 3);
        assertThat(score.y()).containsExactly(0.5, 0.7, 0.6); // decimal commas with a semicolon separator
    }

    @Test
    void aHandWrittenLoopLoggingStepsIsAPerStepTable() throws Exception {
        Path file = write("loop.csv", "Iteration,loss,lr\n0,2.0,0.1\n100,1.5,0.1\n200,1.2,0.1\n");
        TrainingLog log = single(file);
        assertThat(log.layout()).isEqualTo(LogLayout.STEPS);
        Curve loss = log.curve("loss");
        assertThat(loss.xName()).isEqualTo("Iteration");
        assertThat(loss.perStep()).isTrue();
        assertThat(loss.x()).containsExactly(0, 100, 200);
    }

    @Test
    void binaryFileIsBadInput() throws Exception {
        Path file = dir.resolve("model.pt");
        Files.write(file, new byte[] {(byte) 0x80, 0x02, 0x63, 0x00, 0x01, 0x02, 0x03, 0x00, 0x10});
        assertThatThrownBy(() -> LogReader.read(file, null)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": not a text file (it holds binary bytes); expected a CSV training log");
    }

    @Test
    void textInANumberCellNamesLineAndColumn() throws Exception {
        Path file = write("bad.csv", "epoch,loss,val_loss\n0,1.0,0.9\n1,0.8,oops\n");
        assertThatThrownBy(() -> LogReader.read(file, null)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": line 3, column 'val_loss': 'oops' is not a number");
    }

    @Test
    void aLogWithoutNumericColumnIsBadInput() throws Exception {
        Path file = write("empty-columns.csv", "epoch,loss\n0,\n1,\n");
        assertThatThrownBy(() -> LogReader.read(file, null)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": no numeric column (columns: epoch, loss)");
    }

    @Test
    void missingChosenColumnListsTheColumns() throws Exception {
        Path file = write("c.csv", "a,b\n1,2\n");
        assertThatThrownBy(() -> LogReader.read(file, new LogReader.Columns("a", List.of("z"))))
                .hasMessage(file + ": --y column 'z' not found (columns: a, b)");
    }

    @Test
    void missingAndEmptyFilesAreBadInput() throws Exception {
        assertThatThrownBy(() -> LogReader.read(dir.resolve("nope.csv"), null))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("nope.csv: file does not exist");
        Path empty = write("empty.csv", "\n");
        assertThatThrownBy(() -> LogReader.read(empty, null))
                .hasMessage(empty + ": empty file; expected a CSV header line");
    }

    @Test
    void kindsAreGuessedFromColumnNames() {
        assertThat(SeriesKind.classify("val_accuracy")).isEqualTo(SeriesKind.VAL_ACCURACY);
        assertThat(SeriesKind.classify("eval/acc")).isEqualTo(SeriesKind.VAL_ACCURACY);
        assertThat(SeriesKind.classify("train_loss_step")).isEqualTo(SeriesKind.TRAIN_LOSS);
        assertThat(SeriesKind.classify("lr")).isEqualTo(SeriesKind.OTHER);
        assertThat(SeriesKind.classify("test_loss")).isEqualTo(SeriesKind.TEST_LOSS);
        assertThat(SeriesKind.classify("Test Accuracy")).isEqualTo(SeriesKind.TEST_ACCURACY);
        assertThat(SeriesKind.classify("Val Acc")).isEqualTo(SeriesKind.VAL_ACCURACY);
        assertThat(SeriesKind.classify("validLoss")).isEqualTo(SeriesKind.VAL_LOSS);
        assertThat(SeriesKind.classify("val/acc")).isEqualTo(SeriesKind.VAL_ACCURACY);
        assertThat(SeriesKind.classify("interval_loss")).isEqualTo(SeriesKind.TRAIN_LOSS); // "interval" is not "val"
        assertThat(SeriesKind.classify("epoch_accuracy")).isEqualTo(SeriesKind.TRAIN_ACCURACY);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static TrainingLog single(Path file) {
        return single(LogReader.read(file, null));
    }

    private static TrainingLog single(List<TrainingLog> logs) {
        assertThat(logs).hasSize(1);
        return logs.get(0);
    }

    private static Curve curve(TrainingLog log, String name) {
        return log.curves().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
