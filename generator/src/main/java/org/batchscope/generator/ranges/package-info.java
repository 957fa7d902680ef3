/**
 * Where a generator's sample ranges are computed: a {@link org.batchscope.generator.ranges.RangeTask}
 * makes the samples [a, b) of one split, and a {@link org.batchscope.generator.ranges.RangeRunner} runs the
 * ranges (threads of this process by default, tasks of a Spark cluster in the Spark build) and hands
 * their results back in range order, so that the driver writes the same bytes wherever they were made.
 */
package org.batchscope.generator.ranges;
