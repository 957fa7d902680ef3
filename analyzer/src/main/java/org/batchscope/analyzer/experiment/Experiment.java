package org.batchscope.analyzer.experiment;

import java.util.List;

/**
 * A claim about batch sizes that people repeat, tested as a preset sweep with control arms. An
 * experiment names its arms for a {@link Scale} and judges their results by written rules
 * ({@link ClaimRule}); {@link ExperimentRunner} runs the arms and writes {@code experiment.json}.
 */
public interface Experiment {

    /** @return the name used on the command line */
    String name();

    /** @return one line for {@code batchscope experiment list} */
    String summary();

    /** @return the claim in one sentence */
    String claim();

    /** @return where the claim comes from (paper or report) */
    String source();

    /**
     * @param scale   how large to run
     * @param threads runs trained at once
     * @return the arms, in report order
     */
    List<Arm> arms(Scale scale, int threads);

    /** @return the verdicts, chart and notes computed from the arms' results */
    Judgement judge(ArmResults results);
}
