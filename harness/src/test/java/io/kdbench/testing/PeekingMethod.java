package io.kdbench.testing;

import io.kdbench.api.AttributeTask;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plug-in that cheats if it can: it reads the test split while training and answers each case with its label
 * (one-hot) when the label is there, else 0.5 / 0.5, and each attribute task of the dataset with the case's tabular
 * value (one-hot) when the tabular data is there, else value 0. It keeps what it was given so tests can check what it saw.
 * {@code upper_bound: true} declares that it reads privileged inputs at test.
 */
public final class PeekingMethod implements DistillationMethod {
    /** The test split as {@code train} saw it, from the last training. */
    public static volatile List<Sample> testSeenInTraining = List.of();
    /** Every list of samples {@code predict} was given, in order (the harness also predicts validation cases). */
    public static final List<List<Sample>> PREDICTED = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String id() {
        return "peeking-method";
    }

    @Override
    public String summary() {
        return "test method that tries to read test labels";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.of(Param.of("upper_bound", false, "declares the row an upper bound"));
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        return Support.yes();
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        testSeenInTraining = List.copyOf(ctx.splits().test());
        boolean upperBound = ctx.params().getBoolean("upper_bound");
        List<AttributeTask> tasks = ctx.dataset().attributes();
        return new TrainedModel() {
            @Override
            public List<Prediction> predict(List<Sample> samples) {
                PREDICTED.add(List.copyOf(samples));
                return samples.stream().map(s -> new Prediction(s.id(), s.label() >= 0
                        ? new double[] {s.label() == 0 ? 1 : 0, s.label() == 1 ? 1 : 0}
                        : new double[] {0.5, 0.5}, null, null, tasks.isEmpty() ? null : attributes(s, tasks))).toList();
            }

            @Override
            public long parameterCount() {
                return 0;
            }

            @Override
            public boolean usesPrivilegedAtTest() {
                return upperBound;
            }
        };
    }

    private static Map<String, double[]> attributes(Sample s, List<AttributeTask> tasks) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (AttributeTask task : tasks) {
            double[] p = new double[task.classes()];
            p[s.tabular() == null ? 0 : (int) s.tabular()[task.column()]] = 1;
            out.put(task.name(), p);
        }
        return out;
    }
}
