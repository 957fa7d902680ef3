/**
 * The engine-neutral training API. {@link org.batchscope.analyzer.engine.TrainingLoop} trains one
 * {@link org.batchscope.analyzer.engine.TrainingJob}: it owns the step count, the batch order, the rate
 * schedule and when to evaluate and probe ({@link org.batchscope.analyzer.engine.TrainingSchedule}), and
 * reports every step, evaluation and gradient probe to a {@link org.batchscope.analyzer.engine.RunRecorder};
 * a {@link org.batchscope.analyzer.engine.TrainingEngine} supplies one run's step, evaluation and probe
 * ({@link org.batchscope.analyzer.engine.EngineRun}). Engines are found once through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.batchscope.analyzer.engine.TrainingEngine}),
 * each with a name, a rank and a version, and picked with {@link org.batchscope.analyzer.engine.TrainingEngines}.
 *
 * <p>What every engine shares, so that runs are comparable across engines:
 * <ul>
 *   <li>the canonical parameter layout and initialisation ({@link org.batchscope.analyzer.engine.ParameterLayout},
 *       {@link org.batchscope.analyzer.engine.ParameterInitializer}): the same seed gives the same initial weights;</li>
 *   <li>the batch order ({@link org.batchscope.analyzer.engine.BatchPlan}): the same seed gives the same minibatches;</li>
 *   <li>the optimiser and learning-rate formulas ({@link org.batchscope.analyzer.engine.OptimizerSpec},
 *       {@link org.batchscope.analyzer.engine.LrSchedule});</li>
 *   <li>the OpenBLAS kernels their matrix products run on ({@link org.batchscope.analyzer.engine.BlasKernel}:
 *       pinned, or recorded in the run's config when a process is not).</li>
 * </ul>
 */
package org.batchscope.analyzer.engine;
