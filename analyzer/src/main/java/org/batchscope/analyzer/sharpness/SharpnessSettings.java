package org.batchscope.analyzer.sharpness;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How sharpness is measured, written beside the measures in every run file.
 *
 * @param epsilon          the box size eps of epsilon-sharpness: |y_i| <= eps (|x_i| + 1)
 * @param ascentSteps      projected sign-gradient ascent steps inside the box
 * @param samples          at most this many training samples (a fixed subset) define the loss f
 * @param powerIterations  at most this many power iterations for the largest Hessian eigenvalue
 * @param powerTolerance   stop when the Rayleigh quotient changes by less than this, relative
 * @param seed             seeds the ascent's start point and the power iteration's start vector
 */
public record SharpnessSettings(@JsonProperty("epsilon") double epsilon,
        @JsonProperty("ascent_steps") int ascentSteps, @JsonProperty("samples") int samples,
        @JsonProperty("power_iterations") int powerIterations, @JsonProperty("power_tolerance") double powerTolerance,
        @JsonProperty("seed") long seed) {

    /** eps 1e-3, 10 ascent steps, up to 512 samples, up to 20 power iterations, tolerance 1e-3, seed 0. */
    public static final SharpnessSettings DEFAULTS = new SharpnessSettings(1e-3, 10, 512, 20, 1e-3, 0);

    public SharpnessSettings {
        if (!(epsilon > 0 && epsilon < 1) || ascentSteps < 1 || samples < 1 || powerIterations < 1
                || !(powerTolerance > 0)) {
            throw new IllegalArgumentException("sharpness settings out of range: eps " + epsilon + " in (0, 1), ascent steps "
                    + ascentSteps + " >= 1, samples " + samples + " >= 1, power iterations " + powerIterations
                    + " >= 1, tolerance " + powerTolerance + " > 0");
        }
    }
}
