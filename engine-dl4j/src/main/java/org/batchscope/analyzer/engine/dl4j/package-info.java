/**
 * The {@code dl4j} training engine: the built-in architectures and users' own models in
 * Deeplearning4j (deeplearning4j-nn on nd4j-native with OpenBLAS, float32).
 *
 * <p>{@link org.batchscope.analyzer.engine.dl4j.Dl4jEngine} is the registered engine and
 * {@link org.batchscope.analyzer.engine.dl4j.Dl4jRun} one run's step, evaluation and probe under
 * {@link org.batchscope.analyzer.engine.TrainingLoop};
 * {@link org.batchscope.analyzer.engine.dl4j.Dl4jNetworkFactory} builds the network (built-in
 * architectures from their javadoc definitions, user models through
 * {@link org.batchscope.analyzer.engine.dl4j.UserModelLoader}) and gives it the job's optimiser
 * ({@link org.batchscope.analyzer.engine.dl4j.Dl4jUpdaters});
 * {@link org.batchscope.analyzer.engine.dl4j.Dl4jParameterConverter} maps the canonical parameter
 * layout to DL4J's flattened parameters and back, so the engine starts from the same weights as
 * the {@code lean} engine; {@link org.batchscope.analyzer.engine.dl4j.TwoBatchGradientProbe}
 * estimates the gradient noise scale from two batch sizes, since DL4J has no per-example gradients;
 * {@link org.batchscope.analyzer.engine.dl4j.Nd4jThreads} keeps ND4J at one thread per op.
 */
package org.batchscope.analyzer.engine.dl4j;
