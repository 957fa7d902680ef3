package org.batchscope.analyzer.sharpness;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How sharpness is measured, written beside the measures in every run file (and part of a run's
 * identity: settings that trade precision for time change the result).
 *
 * @param epsilon            the box size eps of epsilon-sharpness: |y_i| <= eps (|x_i| + 1)
 * @param ascentSteps        projected sign-gradient ascent steps inside the box
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

    /** eps 1e-3, 10 ascent steps, up to 512 samples, up to 20 Lanczos iterations, residual tolerance 1e-2, seed 0. */
    public static final SharpnessSettings DEFAULTS = new SharpnessSettings(1e-3, 10, 512, 20, 1e-2, 0);

    public SharpnessSettings {
        if (!(epsilon > 0 && epsilon < 1) || ascentSteps < 1 || samples < 1 || lanczosIterations < 1
                || !(tolerance > 0)) {
            throw new IllegalArgumentException("sharpness settings out of range: eps " + epsilon + " in (0, 1), ascent steps "
                    + ascentSteps + " >= 1, samples " + samples + " >= 1, Lanczos iterations " + lanczosIterations
                    + " >= 1, tolerance " + tolerance + " > 0");
        }
    }
}
