package org.batchscope.reports.sweep;

import java.util.List;

/**
 * What a {@link ReportSection} made of the results: its figures, or the reason it has none.
 *
 * @param figures the figures, empty when skipped
 * @param skipped why there is no chart (one line for the PDF), or null when there are figures
 */
public record SectionOutcome(List<CaptionedFigure> figures, String skipped) {

    public SectionOutcome {
        figures = List.copyOf(figures);
        if (figures.isEmpty() == (skipped == null)) {
            throw new IllegalArgumentException("a section outcome has either figures or a reason it has none");
        }
    }

    /** @return an outcome with figures */
    public static SectionOutcome of(List<CaptionedFigure> figures) {
        return new SectionOutcome(figures, null);
    }

    /** @return an outcome without a chart, and why */
    public static SectionOutcome skipped(String reason) {
        return new SectionOutcome(List.of(), reason);
    }
}
