package org.batchscope.reports.sweep;

import org.batchscope.reports.results.SweepResults;

/** One chart of the sweep report: reads the results and draws its figures, or says why it cannot. */
public interface ReportSection {

    /** @return the chapter heading, for example {@code "Heatmaps"} */
    String title();

    /** @return the figures with captions, or a skip reason when the results lack the data */
    SectionOutcome build(SweepResults results);
}
