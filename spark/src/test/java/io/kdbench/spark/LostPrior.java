package io.kdbench.spark;

import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.floor.Prior;
import org.apache.spark.TaskContext;

/** Test method whose every Spark attempt dies of an error the cell cannot catch: the cell is stored as failed. */
public final class LostPrior extends Prior {
    @Override
    public String id() {
        return "lost-prior";
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        if (TaskContext.get() != null) {
            throw new UnsatisfiedLinkError("test: no natives on any executor");
        }
        return super.train(ctx);
    }
}
