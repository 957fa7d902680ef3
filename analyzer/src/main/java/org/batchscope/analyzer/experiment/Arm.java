package org.batchscope.analyzer.experiment;

import org.batchscope.analyzer.sweep.SweepSpec;

/**
 * One arm of an experiment: a sweep on one dataset, run into {@code <out>/arms/<name>/} exactly as
 * {@code batchscope analyze} would run it (so it resumes like analyze).
 *
 * @param name        the arm's folder name
 * @param description what the arm is, in words, for the report
 * @param dataset     the dataset it trains on
 * @param sweep       the sweep it runs
 */
public record Arm(String name, String description, DatasetRecipe dataset, SweepSpec sweep) {
}
