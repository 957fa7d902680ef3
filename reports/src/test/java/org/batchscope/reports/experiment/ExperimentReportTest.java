package org.batchscope.reports.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.batchscope.analyzer.experiment.ClaimResult;
import org.batchscope.analyzer.experiment.ClaimRule;
import org.batchscope.analyzer.experiment.Effect;
import org.batchscope.analyzer.experiment.EffectChart;
import org.batchscope.analyzer.experiment.ExperimentResult;
import org.batchscope.reports.html.HtmlReportBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment report as PDF and HTML: the same claims, numbers and verdicts, the claims table first. */
class ExperimentReportTest {

    @TempDir
    Path dir;

    /** Three claims whose verdicts follow from their intervals: one holds, one does not, one is inconclusive. */
    private static ExperimentResult result() {
        List<ClaimResult> claims = List.of(
                ClaimResult.judge("a-matches-b", "A ends as accurate as B.", "accuracy of A minus B", "accuracy",
                        new Effect(0.004, -0.006, 0.014, 8, 8, 0.95), new ClaimRule.Equivalence(0.02, "accuracy")),
                ClaimResult.judge("a-beats-c", "A beats C.", "accuracy of A minus C", "accuracy",
                        new Effect(-0.05, -0.07, -0.03, 8, 8, 0.95), new ClaimRule.Sign(true)),
                ClaimResult.judge("b-beats-c", "B beats C.", "accuracy of B minus C", "accuracy",
                        new Effect(0.011, -0.002, 0.024, 8, 8, 0.95), new ClaimRule.Sign(true)));
        EffectChart chart = new EffectChart("Final accuracy against updates", "updates", "final accuracy", true,
                List.of(EffectChart.Line.of("A", new double[] {84}, List.of(new double[] {0.91, 0.92, 0.90})),
                        EffectChart.Line.of("B", new double[] {192}, List.of(new double[] {0.91, 0.93, 0.92})),
                        EffectChart.Line.of("C", new double[] {12}, List.of(new double[] {0.85, 0.86, 0.88}))));
        return new ExperimentResult(ExperimentResult.SCHEMA_VERSION, "0.1.0", "test-experiment",
                "A does what B does with fewer updates.", "a test", "small",
                List.of(new ExperimentResult.ArmRecord("a", "arm A", "t", "arms/a", 8, 0),
                        new ExperimentResult.ArmRecord("b", "arm B", "t", "arms/b", 8, 1)),
                claims, chart, List.of("Parameter updates per run: A 84, B 192."));
    }

    @Test
    void pdfAndHtmlCarryTheSameClaimsWithTheClaimsTableFirst() throws Exception {
        ExperimentResult result = result();
        Path out = dir.resolve("report");
        List<Path> written = ExperimentReport.write(result, dir, out);
        assertThat(written).containsExactly(out.resolve(ExperimentReport.CHART + ".png"), out.resolve("report.pdf"),
                out.resolve("report.html"));
        assertThat(result.claims()).extracting(c -> c.verdict().words())
                .containsExactly("holds", "does not hold", "inconclusive");

        // <wbr> (a line-break opportunity after - _ /) is invisible: the text as a reader sees it
        String html = Files.readString(out.resolve("report.html")).replace("<wbr>", "");
        String pdfText;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            pdfText = new PDFTextStripper().getText(pdf);
        }
        for (ClaimResult c : result.claims()) {
            for (String text : List.of(c.id(), c.verdict().words(), ExperimentReport.significant(c.value().estimate()),
                    ExperimentReport.significant(c.value().low()), ExperimentReport.significant(c.value().high()))) {
                assertThat(html).contains(text);
                assertThat(pdfText).contains(text);
            }
        }
        assertThat(html).contains("Parameter updates per run: A 84, B 192.", "arm B");
        assertThat(pdfText).contains("Parameter updates per run: A 84, B 192.", "arm B");
        // the claims table is the page's first table, under its heading and before the rest
        int claimsHeading = html.indexOf("<h2>Claims and verdicts</h2>");
        int firstTable = html.indexOf("<table");
        assertThat(claimsHeading).isPositive().isLessThan(firstTable);
        assertThat(html.indexOf("<h2>", claimsHeading + 1)).isGreaterThan(html.indexOf("b-beats-c"));
        assertThat(html.indexOf("<h2>The claim tested</h2>")).isGreaterThan(firstTable);
        assertThat(pdfText.indexOf("Claims and verdicts")).isLessThan(pdfText.indexOf("The claim tested"));

        // in a real browser: one chart drawn as SVG, the claims table sorts by its effect column (2)
        HtmlReportBrowserTest.assertRendersInChromium(out.resolve("report.html"), 1, 2);
    }
}
