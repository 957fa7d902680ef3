package org.batchscope.analyzer.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.batchscope.analyzer.logs.Curve;
import org.batchscope.analyzer.logs.LogLayout;
import org.batchscope.analyzer.logs.LogReader;
import org.batchscope.analyzer.logs.SeriesKind;
import org.batchscope.analyzer.logs.TrainingLog;
import org.batchscope.common.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The corpus in samples/logs/ (written by samples/logs/make_corpus.py, one file or folder per layout):
 * for each, the layout, run labels, columns with their roles and x axes that the reader must find, and
 * the metrics of the compared series and the loss-spike counts, against
 * src/test/resources/logs/corpus-reference.json. Those reference numbers were computed once with numpy
 * by src/test/python/log_corpus_reference.py, which reads each file as it is told by hand (separator,
 * encoding, column, percent scale), not by this project's sniffing. Tolerance 1e-12: the same
 * arithmetic in another implementation (numpy's polyfit and FFT), far below the printed 4 digits.
 */
class LogCorpusTest {

    private static final Path SAMPLES = Path.of("..", "samples", "logs");
    private static final double TOLERANCE = 1e-12;
    private static JsonNode reference;

    @BeforeAll
    static void readReference() throws IOException {
        reference = Json.mapper().readTree(LogCorpusTest.class.getResourceAsStream("/logs/corpus-reference.json"));
    }

    @Test
    void keras_tabSeparated() {
        TrainingLog log = single("keras/tab-separated.csv");
        assertLog(log, LogLayout.KERAS, "tab-separated", Map.of("accuracy", "training_accuracy@epoch",
                "loss", "training_loss@epoch", "val_accuracy", "validation_accuracy@epoch", "val_loss", "validation_loss@epoch"));
        assertThat(log.notes()).contains("text: tab-separated");
        assertCompared("keras/tab-separated.csv", diagnose(log), "val_accuracy", 12);
    }

    @Test
    void keras_semicolonSeparated() {
        TrainingLog log = single("keras/semicolon.csv");
        assertLog(log, LogLayout.KERAS, "semicolon", Map.of("accuracy", "training_accuracy@epoch",
                "learning_rate", "value@epoch", "loss", "training_loss@epoch",
                "val_accuracy", "validation_accuracy@epoch", "val_loss", "validation_loss@epoch"));
        assertThat(log.notes()).contains("text: semicolon-separated");
        assertCompared("keras/semicolon.csv", diagnose(log), "val_accuracy", 10);
    }

    @Test
    void handWrittenLoop_capitalisedNamesWithSpaces() {
        TrainingLog log = single("keras/capital-epoch.csv");
        assertLog(log, LogLayout.KERAS, "capital-epoch", Map.of("Train Loss", "training_loss@Epoch",
                "Train Acc", "training_accuracy@Epoch", "Val Loss", "validation_loss@Epoch", "Val Acc", "validation_accuracy@Epoch"));
        assertCompared("keras/capital-epoch.csv", diagnose(log), "Val Acc", 15);
    }

    @Test
    void percentAccuracyIsDividedBy100WithANote() {
        TrainingLog log = single("keras/percent-accuracy.csv");
        assertThat(log.curve("val_acc").max()).isLessThanOrEqualTo(1.0).isGreaterThan(0.5);
        assertThat(log.notes()).anyMatch(n -> n.startsWith("val_acc: values up to ") && n.endsWith(" read as percent and divided by 100"))
                .anyMatch(n -> n.startsWith("train_acc: values up to "));
        assertCompared("keras/percent-accuracy.csv", diagnose(log), "val_acc", 10);
    }

    @Test
    void divergedRunIsFlaggedAtItsFirstNonFiniteValue() {
        TrainingLog log = single("keras/diverged.csv");
        Curve loss = log.curve("loss");
        assertThat(loss.points()).isEqualTo(8);
        assertThat(loss.nonFinite().x()).isEqualTo(8);
        assertThat(loss.nonFinite().line()).isEqualTo(10);
        assertThat(loss.nonFinite().text()).isEqualTo("inf");
        assertThat(loss.nonFinite().count()).isEqualTo(4);
        assertThat(loss.nonFinite().finiteAfter()).isZero();
        Diagnosis diagnosis = diagnose(log);
        assertCompared("keras/diverged.csv", diagnosis, "val_accuracy", 12);
        assertThat(DiagnosisText.reading(diagnosis)).startsWith("diverged diverged at epoch 8: loss is inf there"
                + " (line 10) and never finite again");
    }

    @Test
    void pandasDumpWithoutIndexUsesTheRowNumber() {
        TrainingLog log = single("pandas/history-no-index.csv");
        assertLog(log, LogLayout.PANDAS, "history-no-index", Map.of("loss", "training_loss@row",
                "accuracy", "training_accuracy@row", "val_loss", "validation_loss@row", "val_accuracy", "validation_accuracy@row"));
        assertThat(log.curve("loss").x()).startsWith(1, 2, 3);
        assertThat(log.notes().get(0)).startsWith("no epoch, step or index column: x is the row number");
        assertCompared("pandas/history-no-index.csv", diagnose(log), "val_accuracy", 10);
    }

    @Test
    void pandasDumpWithUnnamedIndex() {
        TrainingLog log = single("pandas/history-unnamed-index.csv");
        assertLog(log, LogLayout.PANDAS, "history-unnamed-index", Map.of("loss", "training_loss@index",
                "accuracy", "training_accuracy@index", "val_loss", "validation_loss@index", "val_accuracy", "validation_accuracy@index"));
        assertThat(log.curve("loss").x()).startsWith(0, 1, 2);
        assertCompared("pandas/history-unnamed-index.csv", diagnose(log), "val_accuracy", 10);
    }

    @Test
    void lightningTestColumnsNeverStandForTrainingOrValidation() {
        TrainingLog log = single("lightning/with-test/metrics.csv");
        assertLog(log, LogLayout.LIGHTNING, "with-test", Map.of("test_acc", "test_accuracy@epoch",
                "test_loss", "test_loss@epoch", "train_loss", "training_loss@step", "val_acc", "validation_accuracy@epoch",
                "val_loss", "validation_loss@epoch"));
        assertThat(log.curve("train_loss").perStep()).isTrue();
        assertThat(log.curve("val_loss").perStep()).isFalse();
        Diagnosis diagnosis = diagnose(log);
        assertCompared("lightning/with-test/metrics.csv", diagnosis, "val_acc", 8);
        SeriesDiagnosis train = seriesNamed(diagnosis, "train_loss");
        JsonNode expected = reference.get("lightning/with-test/metrics.csv").get("with-test");
        assertThat(train.curve().points()).isEqualTo(400).isEqualTo(expected.get("loss_points").asInt());
        assertThat(train.lossSpikes()).isEqualTo(expected.get("loss_spikes").asInt()).isPositive();
        assertThat(seriesNamed(diagnosis, "test_loss").lossSpikes()).isNull();
    }

    @Test
    void lightningValidationOnStepKeepsEpochColumnsAndPrefersThePlainAccuracy() {
        TrainingLog log = single("lightning/val-on-step/metrics.csv");
        assertThat(log.layout()).isEqualTo(LogLayout.LIGHTNING);
        assertThat(log.curve("val_acc_epoch").xName()).isEqualTo("epoch");
        assertThat(log.curve("val_acc_epoch").points()).isEqualTo(10);
        assertThat(log.curve("val_acc_step").xName()).isEqualTo("step");
        assertThat(log.curve("val_acc_step").points()).isEqualTo(30); // the rows without an epoch are read
        assertThat(log.curve("train_loss_step").perStep()).isTrue();
        assertThat(log.curve("train_loss_epoch").perStep()).isFalse();
        Diagnosis diagnosis = diagnose(log);
        assertCompared("lightning/val-on-step/metrics.csv", diagnosis, "val_acc_epoch", 10);
        assertThat(diagnosis.logs().get(0).choice()).isEqualTo("val_acc_epoch compared as the validation accuracy"
                + " (also logged: val_acc_step; pass --y to choose)");
        // a mean rank near 6 in a column named like an accuracy is neither a fraction nor plainly a percent
        assertThat(log.curve("val_acc_mean_pos_epoch").kind()).isEqualTo(SeriesKind.OTHER);
        assertThat(log.curve("val_acc_mean_pos_epoch").max()).isGreaterThan(6);
        assertThat(log.notes()).anyMatch(n -> n.startsWith("val_acc_mean_pos_epoch: values up to ")
                && n.endsWith(" are not a fraction (nor plainly a percent), so it is read as a plain value, not an accuracy"));
    }

    @Test
    void wandbWithEpochAxisSkipsMinMaxAndSplitsRuns() {
        List<TrainingLog> logs = read("wandb/x-epoch.csv");
        assertThat(logs).extracting(TrainingLog::label).containsExactly("bs64", "bs512");
        for (TrainingLog log : logs) {
            assertLog(log, LogLayout.WANDB, log.label(), Map.of("val_acc", "validation_accuracy@epoch"));
        }
        Diagnosis diagnosis = Diagnosis.of(logs, List.of());
        assertCompared("wandb/x-epoch.csv", diagnosis, "val_acc", 20);
        assertThat(diagnosis.logs()).extracting(LogDiagnosis::batchSize).containsExactly(64, 512);
    }

    @Test
    void wandbWithTrainerGlobalStep() {
        TrainingLog log = single("wandb/x-global-step.csv");
        assertLog(log, LogLayout.WANDB, "resnet-bs128", Map.of("train/loss", "training_loss@trainer/global_step",
                "val/acc", "validation_accuracy@trainer/global_step"));
        assertThat(log.curve("train/loss").perStep()).isTrue();
        assertThat(log.curve("val/acc").perStep()).isFalse();
        Diagnosis diagnosis = diagnose(log);
        assertCompared("wandb/x-global-step.csv", diagnosis, "val/acc", 20);
        assertThat(seriesNamed(diagnosis, "train/loss").lossSpikes())
                .isEqualTo(reference.get("wandb/x-global-step.csv").get("resnet-bs128").get("loss_spikes").asInt());
    }

    @Test
    void tensorBoardRootRunTagsAreOneLogNamedByTheFolder() throws IOException {
        List<TrainingLog> logs = readFolder("tensorboard/root");
        assertThat(logs).hasSize(1);
        TrainingLog log = logs.get(0);
        assertLog(log, LogLayout.TENSORBOARD, "root", Map.of("epoch_accuracy", "training_accuracy@epoch",
                "epoch_loss", "training_loss@epoch"));
        assertCompared("tensorboard/root", Diagnosis.of(logs, List.of()), "epoch_loss", 12);
    }

    @Test
    void tensorBoardTrainAndValidationSubRunsAreOneLog() throws IOException {
        List<TrainingLog> logs = readFolder("tensorboard/keras-fit");
        assertThat(logs).hasSize(1);
        assertLog(logs.get(0), LogLayout.TENSORBOARD, "keras-fit", Map.of("train/epoch_loss", "training_loss@epoch",
                "validation/epoch_loss", "validation_loss@epoch"));
        assertCompared("tensorboard/keras-fit", Diagnosis.of(logs, List.of()), "validation/epoch_loss", 10);
    }

    @Test
    void utf16AndLatin1FilesAreRead() {
        TrainingLog utf16 = single("encodings/utf16.csv");
        assertThat(utf16.layout()).isEqualTo(LogLayout.KERAS);
        assertThat(utf16.notes()).contains("text: UTF-16LE");
        assertCompared("encodings/utf16.csv", diagnose(utf16), "val_accuracy", 8);
        TrainingLog latin1 = single("encodings/latin1.csv");
        assertThat(latin1.curves()).extracting(Curve::name).containsExactly("loss", "val_loss", "durée (s)");
        assertThat(latin1.notes()).contains("text: ISO-8859-1");
        assertCompared("encodings/latin1.csv", diagnose(latin1), "val_loss", 8);
    }

    @Test
    void everyCorpusFileIsCoveredByTheReference() throws IOException {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            List<String> csvs = files.filter(f -> f.toString().endsWith(".csv")).map(f -> SAMPLES.relativize(f).toString())
                    .map(f -> f.startsWith("tensorboard/root") || f.startsWith("tensorboard/keras-fit") ? f.substring(0, f.lastIndexOf('/')) : f)
                    .filter(f -> !List.of("keras/bs8.csv", "keras/bs64.csv", "lightning/bs32/metrics.csv",
                            "tensorboard/run-bs16-tag-train_loss.csv", "wandb/export.csv").contains(f))
                    .distinct().sorted().toList();
            List<String> covered = Stream.iterate(reference.fieldNames(), it -> it.hasNext(), it -> it)
                    .map(it -> it.next()).sorted().toList();
            assertThat(csvs).isEqualTo(covered);
        }
    }

    private static void assertLog(TrainingLog log, LogLayout layout, String label, Map<String, String> roles) {
        assertThat(log.layout()).isEqualTo(layout);
        assertThat(log.label()).isEqualTo(label);
        assertThat(log.curves()).extracting(Curve::name).containsExactlyInAnyOrderElementsOf(roles.keySet());
        for (Map.Entry<String, String> role : roles.entrySet()) {
            Curve curve = log.curve(role.getKey());
            assertThat(curve.kind().quantity().replace(' ', '_') + "@" + curve.xName()).as(role.getKey())
                    .isEqualTo(role.getValue());
        }
    }

    private static void assertCompared(String file, Diagnosis diagnosis, String series, int points) {
        for (LogDiagnosis log : diagnosis.logs()) {
            SeriesDiagnosis compared = log.compared();
            assertThat(compared.curve().name()).as(log.label()).isEqualTo(series);
            JsonNode expected = reference.get(file).get(log.label());
            assertThat(compared.curve().points()).isEqualTo(points).isEqualTo(expected.get("points").asInt());
            expected.get("metrics").fields().forEachRemaining(metric -> assertThat(
                    compared.metrics().toNamedMap().get(metric.getKey())).as(log.label() + " " + metric.getKey())
                    .isCloseTo(metric.getValue().asDouble(), within(TOLERANCE)));
        }
    }

    private static SeriesDiagnosis seriesNamed(Diagnosis diagnosis, String name) {
        return diagnosis.logs().get(0).series().stream().filter(s -> s.curve().name().equals(name)).findFirst().orElseThrow();
    }

    private static Diagnosis diagnose(TrainingLog log) {
        return Diagnosis.of(List.of(log), List.of());
    }

    private static List<TrainingLog> read(String file) {
        return LogReader.readAll(List.of(SAMPLES.resolve(file)), LogReader.Columns.NONE);
    }

    private static List<TrainingLog> readFolder(String folder) throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES.resolve(folder))) {
            return LogReader.readAll(files.sorted().toList(), LogReader.Columns.NONE);
        }
    }

    private static TrainingLog single(String file) {
        List<TrainingLog> logs = read(file);
        assertThat(logs).hasSize(1);
        return logs.get(0);
    }
}
