package org.batchscope.analyzer.engine.dl4j;

import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Heavy-ball momentum, which DL4J lacks (its Nesterovs is the look-ahead form): {@code v = mu v + g;
 * w -= lr_t v}, v starting at 0, as {@link org.batchscope.analyzer.engine.OptimizerSpec} defines
 * MOMENTUM. DL4J subtracts what {@link GradientUpdater#applyUpdater} leaves in the gradient array, so
 * the updater leaves {@code lr_t v} there. One state array (v) the size of the parameters. Immutable;
 * it is built for one run and is not meant to be written to a DL4J JSON configuration.
 */
final class HeavyBallMomentum implements IUpdater {

    private static final long serialVersionUID = 1L;
    private static final String VELOCITY = "V";

    private final ISchedule rate;
    private final double momentum;

    HeavyBallMomentum(ISchedule rate, double momentum) {
        this.rate = rate;
        this.momentum = momentum;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams;
    }

    @Override
    public GradientUpdater<HeavyBallMomentum> instantiate(INDArray viewArray, boolean initializeViewArray) {
        Updater updater = new Updater();
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater<HeavyBallMomentum> instantiate(Map<String, INDArray> updaterState,
            boolean initializeStateArrays) {
        Updater updater = new Updater();
        updater.setState(updaterState, initializeStateArrays);
        return updater;
    }

    @Override
    public IUpdater clone() {
        return this;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return rate.valueAt(iteration, epoch);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    /** @throws UnsupportedOperationException always: the run's schedule fixes the rate */
    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        throw new UnsupportedOperationException("the learning rate of a batchscope run is fixed by its schedule");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeavyBallMomentum h && h.rate.equals(rate) && h.momentum == momentum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rate, momentum);
    }

    /** The per-block state: the velocity v. */
    private final class Updater implements GradientUpdater<HeavyBallMomentum> {

        private INDArray velocity;

        @Override
        public HeavyBallMomentum getConfig() {
            return HeavyBallMomentum.this;
        }

        @Override
        public void setState(Map<String, INDArray> stateMap, boolean initialize) {
            velocity = stateMap.get(VELOCITY);
            if (initialize) {
                velocity.assign(0);
            }
        }

        @Override
        public Map<String, INDArray> getState() {
            return Map.of(VELOCITY, velocity);
        }

        @Override
        public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder,
                boolean initialize) {
            if (initialize) {
                viewArray.assign(0);
            }
            velocity = viewArray.reshape(gradientOrder, gradientShape);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            velocity.muli(momentum).addi(gradient);
            gradient.assign(velocity).muli(rate.valueAt(iteration, epoch));
        }
    }
}
