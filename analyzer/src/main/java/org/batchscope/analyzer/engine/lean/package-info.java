/**
 * The {@code lean} training engine: the built-in models in plain Java on preallocated float arrays,
 * one run per thread, nothing allocated in the step loop. A {@link org.batchscope.analyzer.engine.lean.LeanNetwork}
 * stacks layers ({@code DenseLayer} or, for large layers, {@code BlasDenseLayer}, {@code Relu}, {@code Conv3x3} or {@code DirectConv3x3}, {@code ReluMaxPool2x2},
 * {@code ChannelMajorFlatten}) ending in {@code SoftmaxCrossEntropy}; optimisers follow
 * {@link org.batchscope.analyzer.engine.OptimizerSpec}'s formulas; {@code LeanRun} is one run's step, evaluation and probe under
 * {@link org.batchscope.analyzer.engine.TrainingLoop},
 * and {@code PerExampleGradientProbe} measures gradient noise on the probe set (each layer also forms per-example
 * parameter gradients from a minibatch's activations and output gradients). Convolutions are im2col plus OpenBLAS
 * {@code cblas_sgemm} (single-threaded) per chunk of samples, except those with at most 3 input channels, which
 * {@code DirectConv3x3} computes directly; large dense layers are one sgemm per minibatch (in Java at batch 1);
 * everything else is Java loops with fixed summation orders, so runs are bit-reproducible. The hot loops of
 * the direct convolution and the batch-1 dense passes are in {@code VectorLoops}: Java Vector API code when the
 * JVM has {@code --add-modules jdk.incubator.vector}, else scalar Java with the same bits. Every layer also has the tangent
 * passes of Pearlmutter's R-operator beside its forward and backward pass; {@code HessianVectorPass}
 * chains them into exact Hessian-vector products, which {@code LeanHessian} offers as the trained
 * model's {@link org.batchscope.analyzer.engine.HessianOperator}.
 */
package org.batchscope.analyzer.engine.lean;
