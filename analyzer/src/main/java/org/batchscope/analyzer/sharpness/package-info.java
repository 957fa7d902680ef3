/**
 * Sharpness of the minimum a run ends in, engine-neutral over
 * {@link org.batchscope.analyzer.engine.DifferentiableModel}: epsilon-sharpness (Keskar et al. 2017)
 * by projected sign-gradient ascent in a box around the weights ({@link org.batchscope.analyzer.sharpness.EpsilonSharpness}),
 * and the dominant eigenvalue of the loss Hessian by power iteration
 * ({@link org.batchscope.analyzer.sharpness.PowerIteration}) on finite-difference Hessian-vector
 * products ({@link org.batchscope.analyzer.sharpness.HessianVectorProduct}).
 * {@link org.batchscope.analyzer.sharpness.Sharpness} measures both with
 * {@link org.batchscope.analyzer.sharpness.SharpnessSettings}.
 */
package org.batchscope.analyzer.sharpness;
