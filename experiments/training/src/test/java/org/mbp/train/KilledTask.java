package org.mbp.train;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbp.layer.BatchExecutor;
import org.mbp.nn.Network;
import org.mbp.nn.Weights;

/** A task that dies like a killed process once it has trained {@code left} examples. */
record KilledTask(Task task, AtomicInteger left) implements Task {

    /** The death. */
    static final class Killed extends RuntimeException {
        Killed() {
            super("killed");
        }
    }

    KilledTask(Task task, int examples) {
        this(task, new AtomicInteger(examples));
    }

    @Override
    public String name() {
        return task.name();
    }

    @Override
    public Map<String, Object> description() {
        return task.description();
    }

    @Override
    public Network network() {
        return task.network();
    }

    @Override
    public int trainingSize() {
        return task.trainingSize();
    }

    @Override
    public BatchResult train(Weights weights, int[] indices, long[] seeds) {
        if (left.addAndGet(-indices.length) < 0) {
            throw new Killed();
        }
        return task.train(weights, indices, seeds);
    }

    @Override
    public int evaluationSize() {
        return task.evaluationSize();
    }

    @Override
    public Map<String, Double> evaluate(Weights weights, BatchExecutor executor) {
        return task.evaluate(weights, executor);
    }
}
