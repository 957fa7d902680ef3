package org.batchscope.analyzer.sharpness;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.batchscope.common.BadInputException;

/**
 * How sharpness is measured, written beside the measures in every run file (and part of a run's
 * identity: settings that trade precision for time change the result).
 *
 * @param epsilon            the box size eps of epsilon-sharpness: |y_i| <= eps (|x_i| + 1)
 * @param ascentSteps        projected sign-gradient ascent steps inside the box; 0: epsilon-sharpness is
 *                           not measured
 * @param samples            at most this many training samples (a fixed subset) define the loss f
 * @param lanczosIterations  at most this many Lanczos iterations (Hessian-vector products) for the
 *                           largest Hessian eigenvalue
 * @param tolerance          the eigenvalue counts as converged when its Ritz residual |H y - theta y|
 *                           is at most this times |theta|
 * @param seed               seeds the ascent's start point and the Lanczos start vector
 */
public record SharpnessSettings(@JsonProperty("epsilon") double epsilon,
        @JsonProperty("ascent_steps") int ascentSteps, @JsonProperty("samples") int samples,
        @JsonProperty("lanczos_iterations") int lanczosIterations, @JsonProperty("tolerance") double tolerance,
        @JsonProperty("seed") long seed) {

    /**
     * The defaults of {@code analyze}: eps 1e-3, no ascent (epsilon-sharpness off: its ascent costs
     * steps + 1 gradient passes over the samples), up to 128 samples, up to 20 Lanczos iterations, residual
     * tolerance 1e-2, seed 0.
     */
    public static final SharpnessSettings DEFAULTS = new SharpnessSettings(1e-3, 0, 128, 20, 1e-2, 0);

    public SharpnessSettings {
        BadInputException.require(epsilon > 0 && epsilon < 1, "--eps", "a number in (0, 1)", epsilon);
        BadInputException.require(ascentSteps >= 0 && ascentSteps <= 1000, "--eps-steps", "an integer in [0, 1000]",
                ascentSteps);
        BadInputException.require(samples >= 1, "--sharpness-samples", "a positive integer", samples);
        BadInputException.require(lanczosIterations >= 1 && lanczosIterations <= 1000, "--lanczos-iterations",
                "an integer in [1, 1000]", lanczosIterations);
        BadInputException.require(tolerance > 0 && tolerance < 1, "--lanczos-tolerance", "a number in (0, 1)",
                tolerance);
    }

    /** @return whether epsilon-sharpness is measured (at least one ascent step) */
    public boolean measuresEpsilon() {
        return ascentSteps > 0;
    }
}
