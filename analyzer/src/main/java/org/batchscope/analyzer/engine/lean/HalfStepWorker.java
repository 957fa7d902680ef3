package org.batchscope.analyzer.engine.lean;

import java.util.concurrent.locks.LockSupport;
import org.batchscope.analyzer.engine.TensorData;

/**
 * The second thread of a two-thread lean run: it owns a replica {@link LeanNetwork} (its own
 * activations, gradients and off-heap scratch, sharing the run's parameter array read-only) and runs
 * the forward and backward pass of the second half of each minibatch while the run's thread does the
 * first half.
 *
 * <p>Handoff without locks or allocation: the run's thread writes the task's fields and then the
 * volatile {@code requested} counter (which publishes them) and unparks the helper; the helper writes
 * its results and then the volatile {@code finished} counter and unparks the run's thread. Either side
 * waits by spinning briefly ({@link #SPINS} times {@link Thread#onSpinWait()}) and then parking, in a
 * loop that rechecks the counter (so spurious wake-ups and early unparks are harmless). Nothing here
 * depends on timing: which thread computes what is fixed, and the run adds the halves in a fixed order.
 */
final class HalfStepWorker implements AutoCloseable {

    /** Spin-wait iterations before parking (a few microseconds). */
    private static final int SPINS = 2_000;

    private final LeanNetwork network;
    private final Thread owner;
    private final Thread thread;

    private volatile long requested;
    private volatile long finished;
    private volatile boolean stopping;
    private volatile Throwable failure;

    // the task, written by the owner before requested, read by the helper after it
    private TensorData data;
    private int[] order;
    private int from;
    private int count;
    private float gradientScale;
    // the results, written by the helper before finished, read by the owner after it
    private double lossSum;
    private int correct;

    /** Starts the helper thread with {@code replica}, which it closes when this worker is closed. */
    HalfStepWorker(LeanNetwork replica, String name) {
        this.network = replica;
        this.owner = Thread.currentThread();
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** @return the replica network; its gradients are valid after {@link #await()} */
    LeanNetwork network() {
        return network;
    }

    /**
     * Hands the helper the samples {@code order[from] .. order[from + count - 1]} (or {@code from ..}
     * when {@code order} is null; it loads them itself) with the given loss-gradient scale. Called by
     * the run's thread, which must not write the parameters or {@code order} until {@link #await()}.
     */
    void start(TensorData data, int[] order, int from, int count, float gradientScale) {
        this.data = data;
        this.order = order;
        this.from = from;
        this.count = count;
        this.gradientScale = gradientScale;
        requested = requested + 1;
        LockSupport.unpark(thread);
    }

    /**
     * Waits for the task of the last {@link #start}.
     *
     * @return the sum of the per-sample losses of the helper's samples
     */
    double await() {
        long target = requested;
        int spins = 0;
        while (finished != target) {
            if (spins < SPINS) {
                spins++;
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
        return lossSum;
    }

    /** @return how many of the helper's samples of the last task were predicted right */
    int correct() {
        return correct;
    }

    private void loop() {
        long seen = 0;
        while (true) {
            int spins = 0;
            while (requested == seen && !stopping) {
                if (spins < SPINS) {
                    spins++;
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (stopping) {
                return;
            }
            seen = requested;
            try {
                network.load(data, order, from, count);
                lossSum = network.lossSumAndGradient(count, gradientScale);
                correct = network.correct();
            } catch (Throwable t) {
                failure = t;
            }
            finished = seen;
            LockSupport.unpark(owner);
        }
    }

    /** Stops the helper thread, waits for it, and closes the replica network. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        network.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
