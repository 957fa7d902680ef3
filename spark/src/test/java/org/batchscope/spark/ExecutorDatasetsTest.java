package org.batchscope.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.batchscope.analyzer.data.DatasetLoader;
import org.batchscope.analyzer.data.LoadOptions;
import org.batchscope.analyzer.data.LoadedDataset;
import org.batchscope.analyzer.sweep.SweepDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an executor gets a dataset: by path, or generated from the manifest's spec and checked. */
class ExecutorDatasetsTest {

    @TempDir
    static Path dir;

    private static DatasetSource table;

    @BeforeAll
    static void generateTable() {
        System.setProperty(ExecutorDatasets.CACHE_PROPERTY, dir.resolve("cache").toString());
        Path folder = dir.resolve("table");
        SweepFiles.generateTable(folder);
        LoadedDataset data = DatasetLoader.load(folder, LoadOptions.defaults());
        table = DatasetSource.of(new SweepDataset(data, 3.0, LoadOptions.defaults()));
    }

    @AfterAll
    static void forgetCache() {
        System.clearProperty(ExecutorDatasets.CACHE_PROPERTY);
    }

    private static DatasetSource elsewhere(DatasetSource source, String path, String sha) {
        return new DatasetSource(path, sha, source.ratio(), source.labelColumn(), source.imageSize(),
                source.generatorKind(), source.generatorSpec());
    }

    @Test
    void aGeneratedDatasetIsReadAtItsPathWhenTheExecutorSeesIt() {
        assertThat(table.generatorKind()).isEqualTo("tabular");
        ExecutorDatasets.Held held = ExecutorDatasets.obtain(table);
        assertThat(held.origin()).isEqualTo(ExecutorDatasets.Origin.PATH);
        assertThat(held.dataset().data().contentSha256()).isEqualTo(table.contentSha256());
    }

    @Test
    void elsewhereItIsGeneratedFromTheSpecWithTheManifestsContent() {
        DatasetSource missing = elsewhere(table, dir.resolve("not-on-this-host").toString(), table.contentSha256());
        ExecutorDatasets.Held held = ExecutorDatasets.obtain(missing);
        assertThat(held.origin()).isEqualTo(ExecutorDatasets.Origin.GENERATED);
        assertThat(held.dataset().data().source()).isEqualTo(dir.resolve("cache").resolve(table.contentSha256()).toString());
        assertThat(held.dataset().data().contentSha256()).isEqualTo(table.contentSha256());
        assertThat(held.dataset().data().train().count()).isEqualTo(120);
    }

    @Test
    void generatedContentThatDiffersFromTheManifestFailsTheTask() {
        DatasetSource wrong = elsewhere(table, dir.resolve("also-missing").toString(), "0".repeat(64));
        assertThatThrownBy(() -> ExecutorDatasets.obtain(wrong)).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("from " + dir.resolve("also-missing") + "'s spec differs from its manifest"
                        + " (content_sha256)");
    }

    @Test
    void dataNotGeneratedByBatchscopeMustBeOnSharedStorage() {
        DatasetSource csv = new DatasetSource(dir.resolve("nowhere.csv").toString(), table.contentSha256(), null,
                "label", null, null, null);
        assertThatThrownBy(() -> ExecutorDatasets.obtain(csv)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dataset " + dir.resolve("nowhere.csv") + " is not on executor host ")
                .hasMessageEndingWith("; put it on storage every executor sees at the same path");
    }
}
