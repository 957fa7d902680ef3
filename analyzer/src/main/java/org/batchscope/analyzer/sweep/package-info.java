/**
 * Batch-size sweeps: {@link org.batchscope.analyzer.sweep.SweepSpec} (validated options) is expanded by
 * {@link org.batchscope.analyzer.sweep.SweepPlan} into runs keyed by the SHA-256 of their canonical
 * config ({@link org.batchscope.analyzer.sweep.RunSpec}); {@link org.batchscope.analyzer.sweep.SweepRunner}
 * trains the runs that {@link org.batchscope.analyzer.sweep.ResultsStore} does not hold yet (or holds from
 * another engine version) on a {@link org.batchscope.analyzer.sweep.RunExecutor} (threads of this process by
 * default, {@link org.batchscope.analyzer.sweep.LocalRunExecutor}; another, such as the Spark module's,
 * through {@link org.batchscope.analyzer.sweep.RunExecutorProvider} and {@code --executor}), storing each as the core module's run file
 * ({@link org.batchscope.analyzer.sweep.RunResult}),
 * recording each through {@link org.batchscope.analyzer.sweep.RunRecording} and measuring it with
 * {@link org.batchscope.analyzer.sweep.RunMetrics} and {@link org.batchscope.analyzer.sweep.ShortcutReliance};
 * {@link org.batchscope.analyzer.sweep.SweepSummary}, {@link org.batchscope.analyzer.sweep.SummaryWriter}
 * and {@link org.batchscope.analyzer.sweep.Verdict} turn the stored runs into the summary files.
 * {@link org.batchscope.analyzer.sweep.Sweep} ties the steps together;
 * {@link org.batchscope.analyzer.sweep.SpecVariants} generates the datasets of a noise sweep. With
 * {@code --save-weights} the completed runs' parameters go to {@link org.batchscope.analyzer.weights}.
 */
package org.batchscope.analyzer.sweep;
