package org.batchscope.analyzer.sharpness;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;
import org.batchscope.analyzer.engine.DifferentiableModel;
import org.batchscope.analyzer.engine.HessianOperator;
import org.batchscope.analyzer.engine.TensorData;

/**
 * Both sharpness measures of a trained model at its final parameters x, on one fixed subset of the
 * training set, written to the run file as {@code sharpness} (settings and diagnostics) and as the
 * metrics {@value #EPS_SHARPNESS} ({@link EpsilonSharpness}, percent) and {@value #HESSIAN_MAX_EIG}
 * ({@link Lanczos} on the model's exact Hessian-vector products, nats per squared parameter unit). An
 * eigenvalue whose Lanczos iteration did not converge stays in this record, marked, but is left out of
 * the metrics, so it is never averaged with converged ones. Epsilon-sharpness is NaN, and left out of
 * the metrics, when the settings ask for no ascent steps.
 *
 * @param epsSharpness      phi, percent; NaN when not measured
 * @param hessianMaxEig     the largest Hessian eigenvalue of the loss (the largest Ritz value)
 * @param settings          how they were measured
 * @param samples           samples in the subset
 * @param lanczosIterations Hessian-vector products of the iteration (the residual is measured from them)
 * @param residual          |H y - theta y| of the unit Ritz vector y
 * @param converged         whether residual <= tolerance * |theta|
 */
public record Sharpness(@JsonProperty("eps_sharpness") double epsSharpness,
        @JsonProperty("hessian_max_eig") double hessianMaxEig, @JsonProperty("settings") SharpnessSettings settings,
        @JsonProperty("samples") int samples, @JsonProperty("lanczos_iterations") int lanczosIterations,
        @JsonProperty("residual") double residual, @JsonProperty("converged") boolean converged) {

    public static final String EPS_SHARPNESS = "eps_sharpness";
    public static final String HESSIAN_MAX_EIG = "hessian_max_eig";

    /** Measures both at {@code x} on {@code subset} (the caller picks the subset; see the README). */
    public static Sharpness measure(DifferentiableModel model, float[] x, TensorData subset, SharpnessSettings settings) {
        return of(epsilon(model, x, subset, settings), topEigenvalue(model, x, subset, settings), settings,
                subset.count());
    }

    /** @return the epsilon-sharpness part of {@link #measure}, or null when the settings ask for none */
    public static EpsilonSharpness.Result epsilon(DifferentiableModel model, float[] x, TensorData subset,
            SharpnessSettings settings) {
        return settings.measuresEpsilon()
                ? EpsilonSharpness.of(model, x, subset, settings.epsilon(), settings.ascentSteps(), settings.seed())
                : null;
    }

    /** @return the Lanczos part of {@link #measure} */
    public static Lanczos.Result topEigenvalue(DifferentiableModel model, float[] x, TensorData subset,
            SharpnessSettings settings) {
        try (HessianOperator hessian = model.hessian(x, subset)) {
            return Lanczos.largestEigenvalue(hessian, settings.lanczosIterations(), settings.tolerance(),
                    settings.seed());
        }
    }

    /**
     * @param eps null when not measured
     * @return the record of both parts, measured with {@code settings} on {@code samples} samples
     */
    public static Sharpness of(EpsilonSharpness.Result eps, Lanczos.Result top, SharpnessSettings settings,
            int samples) {
        return new Sharpness(eps == null ? Double.NaN : eps.value(), top.eigenvalue(), settings, samples, top.iterations(), top.residual(),
                top.converged());
    }

    /** @return the measures by metric name; epsilon-sharpness when measured, the eigenvalue when it converged */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new TreeMap<>();
        if (!Double.isNaN(epsSharpness)) {
            metrics.put(EPS_SHARPNESS, epsSharpness);
        }
        if (converged) {
            metrics.put(HESSIAN_MAX_EIG, hessianMaxEig);
        }
        return metrics;
    }
}
