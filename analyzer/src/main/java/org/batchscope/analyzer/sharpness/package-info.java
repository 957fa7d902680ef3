/**
 * Sharpness of the minimum a run ends in, engine-neutral over
 * {@link org.batchscope.analyzer.engine.DifferentiableModel}: epsilon-sharpness (Keskar et al. 2017)
 * by projected sign-gradient ascent in a box around the weights ({@link org.batchscope.analyzer.sharpness.EpsilonSharpness}),
 * and the largest eigenvalue of the loss Hessian by the Lanczos iteration
 * ({@link org.batchscope.analyzer.sharpness.Lanczos}) on the model's exact Hessian-vector products
 * ({@link org.batchscope.analyzer.engine.HessianOperator}).
 * {@link org.batchscope.analyzer.sharpness.Sharpness} measures both with
 * {@link org.batchscope.analyzer.sharpness.SharpnessSettings}.
 */
package org.batchscope.analyzer.sharpness;
