package org.batchscope.reports.diagnose;

import org.batchscope.analyzer.diagnose.Diagnosis;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.logs.LogReader;
import org.batchscope.analyzer.logs.TrainingLog;
import org.batchscope.reports.render.PanelGrid;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

class DiagnosisFiguresTest {

    private static final Path KERAS = Path.of("..", "samples", "logs", "keras");

    private static List<String> seedPanelTitles(List<String> files) {
        List<TrainingLog> logs = new ArrayList<>();
        for (String file : files) {
            logs.addAll(LogReader.read(KERAS.resolve(file), null));
        }
        PanelGrid grid = (PanelGrid) DiagnosisFigures.of(Diagnosis.of(logs, List.of())).get(0).drawing();
        return grid.panels().stream().map(JFreeChart::getTitle).map(t -> t.getText()).toList();
    }

    @Test
    void seedPicturePanelsSortByBatchSizeNumerically() {
        assertThat(seedPanelTitles(List.of("bs64.csv", "bs8.csv"))).containsExactly("bs8", "bs64");
    }
}
