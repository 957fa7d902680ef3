package org.batchscope.reports.pdf;

import java.util.function.Predicate;
import org.batchscope.common.MetricDefinition;
import org.batchscope.common.MetricRegistry;

/**
 * The appendix every report ends with: the terms and the metric definitions of the
 * {@link MetricRegistry}, in registry order, each with its unit, better direction and ASCII formula.
 */
public final class MetricGlossary {

    private MetricGlossary() {
    }

    /** Adds the appendix with every metric of the registry, on a new page, to {@code report}. */
    public static PdfReport appendTo(PdfReport report) {
        return appendTo(report, metric -> true);
    }

    /**
     * Adds the appendix, on a new page, to {@code report}: the terms, then the metrics {@code shown}
     * accepts (a report that measures only some metrics defines only those).
     */
    public static PdfReport appendTo(PdfReport report, Predicate<MetricDefinition> shown) {
        report.heading("Appendix: metric definitions", true);
        for (MetricRegistry.Term term : MetricRegistry.terms()) {
            entry(report, capitalised(term.name()) + ". " + term.definition(), term.formula());
        }
        for (MetricDefinition metric : MetricRegistry.metrics().stream().filter(shown).toList()) {
            String better = metric.better() == MetricDefinition.Better.NEITHER ? ""
                    : "; " + metric.better().text() + " is better";
            String prefixes = metric.series() ? "; also with the prefixes validation_loss_ and minibatch_loss_" : "";
            entry(report, metric.name() + " (" + metric.unit() + better + prefixes + "). " + metric.definition(),
                    metric.formula());
        }
        return report;
    }

    private static void entry(PdfReport report, String text, String formula) {
        report.paragraph(text);
        report.formula(formula);
        report.paragraph("");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
