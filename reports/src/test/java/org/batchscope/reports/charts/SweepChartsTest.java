package org.batchscope.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.List;
import org.batchscope.reports.render.PanelGrid;
import org.batchscope.reports.render.PngExport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/** Charts 4, 5, 7 and 8 drawn headless, with checks on what they plot. */
class SweepChartsTest {

    private static MetricSeries line(String name, double... accuracyAtR) {
        double[] r = {0.3, 3, 30};
        return new MetricSeries(name, List.of(new MetricPoint(r[0], accuracyAtR[0], accuracyAtR[0] - 0.01, accuracyAtR[0] + 0.01),
                new MetricPoint(r[1], accuracyAtR[1], Double.NaN, Double.NaN), MetricPoint.of(r[2], accuracyAtR[2])));
    }

    @Test
    void robustnessMarksEachBreakdownRatioAtItsR() {
        var figure = RobustnessChart.figure("Final accuracy against noise ratio",
                List.of(line("B = 4", 1, 0.9, 0.5), line("B = 32", 0.98, 0.95, 0.9)), new double[] {12.5, Double.NaN}, 0.5);
        JFreeChart chart = (JFreeChart) figure.drawing();
        List<ValueMarker> markers = new java.util.ArrayList<>();
        for (Object marker : chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND)) {
            markers.add((ValueMarker) marker);
        }
        assertThat(markers).hasSize(1);
        assertThat(Math.pow(10, markers.get(0).getValue())).isCloseTo(12.5, within(1e-12));
        assertThat(markers.get(0).getLabel()).isEqualTo("r = 12.5");
        assertThat(chart.getXYPlot().getDataset().getSeriesKey(0)).isEqualTo("B = 4 (breakdown r = 12.5)");
        assertThat(chart.getXYPlot().getDataset().getXValue(1, 2)).isCloseTo(Math.log10(30), within(1e-12));
        Object chance = chart.getXYPlot().getRangeMarkers(Layer.BACKGROUND).iterator().next();
        assertThat(((ValueMarker) chance).getValue()).isEqualTo(0.5);
        BufferedImage image = PngExport.render(figure);
        assertThat(image.getWidth()).isEqualTo(1800);
    }

    @Test
    void noiseScalePlotsLog10ValuesAndMarksBatchSizesAndTheCriticalOne() {
        var panel = new NoiseScalePanel("r = 3", List.of(new MetricSeries("B = 8",
                List.of(MetricPoint.of(0.5, 100), MetricPoint.of(1, 10)))), List.of(1, 8, 32), 40);
        var figure = NoiseScaleChart.figure("Gradient noise scale over training", List.of(panel));
        JFreeChart chart = ((PanelGrid) figure.drawing()).panels().get(0);
        assertThat(chart.getXYPlot().getDataset().getYValue(0, 0)).isCloseTo(2, within(1e-12));
        assertThat(chart.getXYPlot().getDataset().getYValue(0, 1)).isCloseTo(1, within(1e-12));
        assertThat(chart.getXYPlot().getRangeMarkers(Layer.BACKGROUND)).extracting(m -> ((ValueMarker) m).getLabel())
                .containsExactly("B = 1", "B = 8", "B = 32");
        ValueMarker critical = (ValueMarker) chart.getXYPlot().getRangeMarkers(Layer.FOREGROUND).iterator().next();
        assertThat(Math.pow(10, critical.getValue())).isCloseTo(40, within(1e-9));
        assertThat(critical.getLabel()).isEqualTo("critical batch size ~ 40");
        assertThat(chart.getXYPlot().getRangeAxis().getRange().contains(0)).isTrue(); // B = 1 sits on the axis
        PngExport.render(figure);
    }

    /** Bars are the means; the value axis covers the seeds' ranges (the whiskers), which stay inside them. */
    @Test
    void relianceBarsHoldTheMeansAndTheAxisCoversTheSeedRanges() {
        var figure = RelianceChart.figure(RelianceChart.NAME, "Background reliance per cell", new ReliancePanel(
                List.of("feature_reliance", "bg_gap"), List.of("B=4 r=3", "B=32 r=3"),
                new double[][] {{0.9, 0.6}, {0.05, Double.NaN}}, new double[][] {{0.8, 0.3}, {-0.02, Double.NaN}},
                new double[][] {{1.0, 0.95}, {0.1, Double.NaN}}, 0.5));
        JFreeChart chart = (JFreeChart) figure.drawing();
        var dataset = chart.getCategoryPlot().getDataset();
        assertThat(dataset.getValue("feature_reliance", "B=32 r=3").doubleValue()).isEqualTo(0.6);
        assertThat(dataset.getValue("bg_gap", "B=32 r=3")).isNull();
        var range = chart.getCategoryPlot().getRangeAxis().getRange();
        assertThat(range.contains(-0.02) && range.contains(1.0)).as(range.toString()).isTrue();
        assertThat(range.getUpperBound()).isLessThan(1.1);
        PngExport.render(figure);
    }

    @Test
    void contactSheetDrawsTheImageUnderItsTitle() {
        BufferedImage preview = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 400; x++) {
            for (int y = 0; y < 200; y++) {
                preview.setRGB(x, y, 0x336699);
            }
        }
        var figure = ContactSheet.figure("Contact sheet, r = 3", preview);
        assertThat(figure.height()).isEqualTo(60 + 450);
        BufferedImage drawn = PngExport.render(figure);
        assertThat(drawn.getRGB(drawn.getWidth() / 2, drawn.getHeight() / 2) & 0xFFFFFF).isEqualTo(0x336699);
        assertThat(drawn.getRGB(drawn.getWidth() / 2, 4) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }
}
