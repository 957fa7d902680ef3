package org.batchscope.analyzer.metrics;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * hf_power_share of a window w_1..w_n (n >= 2): remove the least-squares line, zero-pad the
 * residuals to K, the smallest power of two >= n, take the FFT X_0..X_{K-1} (commons-math3,
 * standard normalisation; the normalisation cancels in the share) and return
 * <pre>
 *   sum_{K/4 < k <= K/2} |X_k|^2  /  sum_{1 <= k <= K/2} |X_k|^2
 * </pre>
 * Dimensionless, in [0, 1]. Bin k is a period of K/k evaluations, so the numerator is the power at
 * periods shorter than 4 evaluations: near 1 for a period-2 alternation, near 0 for a slow swing.
 * Returns 0 when the window is a line: when the residuals' root mean square is at rounding level,
 * at most {@value #ROUNDING_LEVEL} times max_t |w_t| (or exactly 0), the share of rounding noise
 * would be meaningless.
 */
public final class HighFrequencyShare {

    /** Residuals smaller than this, relative to the window's largest magnitude, count as zero. */
    static final double ROUNDING_LEVEL = 1e-12;

    private static final FastFourierTransformer FFT = new FastFourierTransformer(DftNormalization.STANDARD);

    private HighFrequencyShare() {
    }

    /** @param window w_1..w_n, finite, n >= 2 */
    public static double of(double[] window) {
        Checks.finite(window, "window", SeriesMetrics.MIN_WINDOW);
        double[] residuals = LinearDetrend.residuals(window);
        if (isRoundingNoise(residuals, window)) {
            return 0;
        }
        int k = Integer.highestOneBit(window.length - 1) << 1;
        double[] padded = new double[k];
        System.arraycopy(residuals, 0, padded, 0, window.length);
        Complex[] spectrum = FFT.transform(padded, TransformType.FORWARD);
        double total = 0;
        double high = 0;
        for (int bin = 1; bin <= k / 2; bin++) {
            double re = spectrum[bin].getReal();
            double im = spectrum[bin].getImaginary();
            double power = re * re + im * im;
            total += power;
            if (4 * bin > k) {
                high += power;
            }
        }
        return total == 0 ? 0 : high / total;
    }

    private static boolean isRoundingNoise(double[] residuals, double[] window) {
        double sumOfSquares = 0;
        for (double residual : residuals) {
            sumOfSquares += residual * residual;
        }
        double largest = 0;
        for (double value : window) {
            largest = Math.max(largest, Math.abs(value));
        }
        return Math.sqrt(sumOfSquares / residuals.length) <= ROUNDING_LEVEL * largest;
    }
}
