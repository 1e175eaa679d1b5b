package io.kdbench.spark;

import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.floor.Prior;
import org.apache.spark.TaskContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test method: the label prior, except that its first Spark attempt dies of an error no cell survives (a missing
 * native library, as on an executor without the natives), which Spark retries. Outside Spark it never fails.
 */
public final class FlakyPrior extends Prior {
    static final AtomicInteger FIRST_ATTEMPTS_FAILED = new AtomicInteger();

    @Override
    public String id() {
        return "flaky-prior";
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0) {
            FIRST_ATTEMPTS_FAILED.incrementAndGet();
            throw new UnsatisfiedLinkError("test: no natives on this executor (first attempt)");
        }
        return super.train(ctx);
    }
}
