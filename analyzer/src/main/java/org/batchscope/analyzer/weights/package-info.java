/**
 * {@code analyze --save-weights}: each completed run's final parameters as NumPy {@code .npy} files in
 * PyTorch's shapes ({@link org.batchscope.analyzer.weights.TorchLayout}), with the samples its curvature
 * was measured on and a {@code weights.json} that names the tensors in order and records the loss and
 * the top Hessian eigenvalue on those samples ({@link org.batchscope.analyzer.weights.WeightsFile}), so
 * that the curvature can be recomputed outside batchscope. {@link org.batchscope.analyzer.weights.WeightsFolder}
 * writes and finds the folders.
 */
package org.batchscope.analyzer.weights;
