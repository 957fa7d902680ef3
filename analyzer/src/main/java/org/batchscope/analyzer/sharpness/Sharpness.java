package org.batchscope.analyzer.sharpness;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.batchscope.analyzer.engine.DifferentiableModel;
import org.batchscope.analyzer.engine.TensorData;

/**
 * Both sharpness measures of a trained model at its final parameters x, on one fixed subset of the
 * training set, written to the run file as {@code sharpness} (settings and diagnostics) and as the
 * metrics {@value #EPS_SHARPNESS} ({@link EpsilonSharpness}, percent) and {@value #HESSIAN_MAX_EIG}
 * ({@link PowerIteration} on {@link HessianVectorProduct}, nats per squared parameter unit).
 *
 * @param epsSharpness     phi, percent
 * @param hessianMaxEig    the dominant Hessian eigenvalue of the loss
 * @param settings         how they were measured
 * @param samples          samples in the subset
 * @param hvpStep          the finite-difference step h of the Hessian-vector products
 * @param powerIterations  Hessian-vector products computed
 * @param powerConverged   whether the power iteration met its tolerance
 */
public record Sharpness(@JsonProperty("eps_sharpness") double epsSharpness,
        @JsonProperty("hessian_max_eig") double hessianMaxEig, @JsonProperty("settings") SharpnessSettings settings,
        @JsonProperty("samples") int samples, @JsonProperty("hvp_step") double hvpStep,
        @JsonProperty("power_iterations") int powerIterations, @JsonProperty("power_converged") boolean powerConverged) {

    public static final String EPS_SHARPNESS = "eps_sharpness";
    public static final String HESSIAN_MAX_EIG = "hessian_max_eig";

    /** Measures both at {@code x} on {@code subset} (the caller picks the subset; see the README). */
    public static Sharpness measure(DifferentiableModel model, float[] x, TensorData subset, SharpnessSettings settings) {
        EpsilonSharpness.Result eps = EpsilonSharpness.of(model, x, subset, settings.epsilon(), settings.ascentSteps(),
                settings.seed());
        HessianVectorProduct hvp = new HessianVectorProduct(model, x, subset);
        PowerIteration.Result power = PowerIteration.dominantEigenvalue(hvp, x.length, settings.powerIterations(),
                settings.powerTolerance(), settings.seed());
        return new Sharpness(eps.value(), power.eigenvalue(), settings, subset.count(), hvp.step(), power.iterations(),
                power.converged());
    }

    /** @return the two measures by metric name */
    public Map<String, Double> metrics() {
        return Map.of(EPS_SHARPNESS, epsSharpness, HESSIAN_MAX_EIG, hessianMaxEig);
    }
}
