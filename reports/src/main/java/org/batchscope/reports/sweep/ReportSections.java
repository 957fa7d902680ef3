package org.batchscope.reports.sweep;

import java.util.List;

/**
 * The charts of the sweep report in report order (charts 1 to 8; then 9 generalization
 * gap, 10 sharpness, 11 cost against batch size).
 */
public final class ReportSections {

    private ReportSections() {
    }

    /** @return the standard sections with chart 1 against epochs */
    public static List<ReportSection> standard() {
        return standard(CurveAxis.EPOCHS);
    }

    /**
     * @param curveAxis the x axis of chart 1's training curves
     * @return a new list of the standard sections; add a section here to add a chart to every report
     */
    public static List<ReportSection> standard(CurveAxis curveAxis) {
        return List.of(new SeedPictureSection(curveAxis), new OscillationSection(), new HeatmapSection(),
                new RobustnessSection(), new RelianceSection(), new MinibatchLossSection(), new NoiseScaleSection(), new BatchSharpnessSection(),
                new ContactSheetSection(), BatchSizeMetricSection.generalization(), BatchSizeMetricSection.sharpness(),
                BatchSizeMetricSection.cost());
    }
}
