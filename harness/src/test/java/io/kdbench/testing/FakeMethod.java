package io.kdbench.testing;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test method: scores each case by its pixel through a logistic function with a seeded jitter; can be told to
 * diverge. Counts its trainings so tests can tell reuse from recomputation.
 */
public final class FakeMethod implements DistillationMethod {
    public static final AtomicInteger TRAININGS = new AtomicInteger();

    @Override
    public String id() {
        return "fake-method";
    }

    @Override
    public String summary() {
        return "test method";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.of(
                Param.of("scale", 1.0, "scales the fake scores"),
                Param.of("diverge", false, "throws a divergence in training"),
                Param.of("steps", 10, "fake training steps").atLeast(1));
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        return dataset.task().isSegmentation() ? Support.no("classification only") : Support.yes();
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        TRAININGS.incrementAndGet();
        double scale = ctx.params().getDouble("scale");
        for (int epoch = 0; epoch < 3; epoch++) {
            ctx.log().record("loss", epoch, ctx.params().getBoolean("diverge") && epoch == 2 ? Double.NaN : 1.0 / (epoch + 1));
        }
        double jitter = (ctx.seed() % 7) / 100.0;
        return new TrainedModel() {
            @Override
            public List<Prediction> predict(List<Sample> samples) {
                return samples.stream().map(s -> {
                    double p1 = 1 / (1 + Math.exp(-scale * (s.image("image").data()[0] - 0.5 + jitter)));
                    return new Prediction(s.id(), new double[] {1 - p1, p1}, null, null);
                }).toList();
            }

            @Override
            public long parameterCount() {
                return 1;
            }
        };
    }
}
