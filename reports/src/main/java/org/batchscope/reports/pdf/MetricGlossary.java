package org.batchscope.reports.pdf;

/**
 * The appendix every report ends with: the definitions of the metrics (DESIGN.md, "Metric
 * definitions") in plain text and ASCII formulas.
 */
public final class MetricGlossary {

    private static final String[][] ENTRIES = {
        {"Series and window", "a_1..a_T is one logged series (for example validation accuracy per evaluation)."
            + " The window W is its last ceil(T/2) points, w_1..w_n; every oscillation metric is measured over W.",
            "n = ceil(T/2),  W = (a_{T-n+1}, ..., a_T)"},
        {"amplitude", "Sample standard deviation over W, in the series' units.",
            "amplitude = sqrt( sum_t (w_t - mean(w))^2 / (n - 1) )"},
        {"mean_abs_change", "Mean size of a step between consecutive points of W.",
            "mean_abs_change = sum_{t=2..n} |w_t - w_{t-1}| / (n - 1)"},
        {"reversal_rate", "Of the consecutive non-zero differences d_t in W, the fraction of adjacent pairs whose"
            + " signs differ: 0 for a monotone curve, 1 for a perfect zig-zag (0 when fewer than two differences).",
            "reversal_rate = #{j : sign(d_j) != sign(d_{j+1})} / (m - 1)"},
        {"detrended_std", "Standard deviation of the residuals r_t of the least-squares line fitted over W"
            + " (divisor n - 1, like amplitude).",
            "detrended_std = sqrt( sum_t r_t^2 / (n - 1) )"},
        {"hf_power_share", "After removing that line, the share of spectral power (FFT of the residuals"
            + " zero-padded to K, the smallest power of two >= n) at periods shorter than 4 points.",
            "hf_power_share = sum_{K/4 < k <= K/2} |X_k|^2 / sum_{1 <= k <= K/2} |X_k|^2"},
        {"max_drawdown", "The largest move against the good direction from the best point so far in W"
            + " (a fall for accuracy, a rise for loss).",
            "max_drawdown = max_t ( max_{s<=t} w_s - w_t )   (accuracy; mirrored for loss)"},
        {"loss spikes", "Minibatch losses x_t above the exponential moving average by more than 3 exponential"
            + " moving standard deviations, judged against the statistics before step t (alpha = 0.1).",
            "spike iff x_t > m_{t-1} + 3 sqrt(v_{t-1});  m_t = m_{t-1} + 0.1 (x_t - m_{t-1}),"
            + "  v_t = 0.9 (v_{t-1} + 0.1 (x_t - m_{t-1})^2)"},
        {"Across seeds", "For a cell of S seeds: mean, sample standard deviation and a 95% percentile-bootstrap"
            + " interval of the mean (2000 resamples). P(A steadier than B) is the share of seed pairs whose"
            + " amplitude is lower in A, ties counting half.",
            "P(A steadier than B) = ( #{amp_A < amp_B} + 0.5 #{amp_A = amp_B} ) / (S_A S_B)"},
    };

    private MetricGlossary() {
    }

    /** Adds the appendix, on a new page, to {@code report}. */
    public static PdfReport appendTo(PdfReport report) {
        report.heading("Appendix: metric definitions", true);
        for (String[] entry : ENTRIES) {
            report.paragraph(entry[0] + ". " + entry[1]);
            report.formula(entry[2]);
            report.paragraph("");
        }
        return report;
    }
}
