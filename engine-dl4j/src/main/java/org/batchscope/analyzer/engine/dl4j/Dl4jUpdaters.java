package org.batchscope.analyzer.engine.dl4j;

import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.engine.LrSchedule;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.common.RandomStreams;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * Gives a network configuration the job's optimiser (the formulas are in {@link OptimizerSpec}):
 * SGD is DL4J's {@link Sgd}, NESTEROV its {@link Nesterovs} (whose update is the form OptimizerSpec
 * states), ADAM its {@link Adam} ({@code a_t = lr_t sqrt(1 - b2^t) / (1 - b1^t)}, epsilon added to
 * sqrt(v)), MOMENTUM (heavy ball, which DL4J lacks) {@link HeavyBallMomentum}; all with the learning
 * rate from {@link LrScheduleAdapter}. Weight decay is DL4J's {@link L2Regularization} on weights only:
 * it adds {@code weightDecay * w} to the gradient of the mean loss before the updater runs (and
 * {@code weightDecay / 2 * |w|^2} to DL4J's score, which the engine subtracts again).
 *
 * <p>The configuration of every layer with parameters gets the same updater for weights and biases;
 * a user model's own updater is replaced (the sweep sets the learning rate) while its other settings
 * (its own regularisation, dropout, gradient normalisation) are kept.
 */
final class Dl4jUpdaters {

    private Dl4jUpdaters() {
    }

    /** The stream {@link #dl4jSeed} derives DL4J's seed from. */
    static final long DL4J_SEED_STREAM = 0x444C344AL;

    /**
     * Sets the updater, weight decay and seed of every layer of {@code conf}, in place; DL4J gets
     * {@link #dl4jSeed}{@code (seed)}.
     */
    static void configure(MultiLayerConfiguration conf, OptimizerSpec optimizer, LrSchedule schedule,
            long totalSteps, long seed) {
        IUpdater updater = updater(optimizer, new LrScheduleAdapter(schedule, optimizer.learningRate(), totalSteps));
        long dl4jSeed = dl4jSeed(seed);
        for (NeuralNetConfiguration layerConf : conf.getConfs()) {
            layerConf.setSeed(dl4jSeed);
            if (layerConf.getLayer() instanceof BaseLayer layer) {
                layer.setIUpdater(updater.clone());
                layer.setBiasUpdater(null);
                if (optimizer.weightDecay() > 0) {
                    List<Regularization> regularization = layer.getRegularization() == null
                            ? new ArrayList<>() : new ArrayList<>(layer.getRegularization());
                    regularization.add(new L2Regularization(optimizer.weightDecay()));
                    layer.setRegularization(regularization);
                }
            }
        }
    }

    /**
     * @return the seed DL4J's own random numbers (a user configuration's initial weights, dropout) start
     *         from for run seed {@code seed}: {@code RandomStreams.derive(seed, DL4J_SEED_STREAM)}, never 0.
     *         DL4J does not reseed its generator for seed 0, so a run at seed 0, the first of every sweep,
     *         started from different weights in every process.
     */
    static long dl4jSeed(long seed) {
        long derived = RandomStreams.derive(seed, DL4J_SEED_STREAM);
        return derived == 0 ? 1 : derived;
    }

    private static IUpdater updater(OptimizerSpec optimizer, LrScheduleAdapter rate) {
        return switch (optimizer.kind()) {
            case SGD -> new Sgd(rate);
            case NESTEROV -> new Nesterovs(rate, optimizer.momentum());
            case ADAM -> {
                Adam adam = new Adam(rate);
                adam.setBeta1(optimizer.beta1());
                adam.setBeta2(optimizer.beta2());
                adam.setEpsilon(optimizer.epsilon());
                yield adam;
            }
            case MOMENTUM -> new HeavyBallMomentum(rate, optimizer.momentum());
        };
    }
}
