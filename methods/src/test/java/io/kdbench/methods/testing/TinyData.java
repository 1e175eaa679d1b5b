package io.kdbench.methods.testing;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainingLog;
import io.kdbench.api.Validation;
import io.kdbench.data.Splits;
import io.kdbench.registry.Registries;

import java.util.HashMap;
import java.util.Map;

/** Tiny versions of the synthetic datasets (16x16, a few dozen samples) and contexts to train methods on them. */
public final class TinyData {
    private TinyData() {
    }

    public static TrainContext context(BenchmarkDataset ds, Map<String, Object> datasetParams, DistillationMethod m,
                                       Map<String, Object> methodParams, long seed) {
        Map<String, Object> dp = new HashMap<>(Map.of("size", 16, "n_train", 40, "n_val", 4, "n_test", 20));
        dp.putAll(datasetParams);
        Params p = Params.of(ds.defaults(), dp);
        Params mp = Params.of(m.defaults(), methodParams);
        m.check(mp);
        return context(mp, ds.info(p), ds.splits(p, seed), seed);
    }

    /** A context as the harness makes it: the validation split scored by the dataset's primary metric. */
    public static TrainContext context(Params methodParams, DatasetInfo info, Splits splits, long seed) {
        return new TrainContext(methodParams, info, splits, seed, new TrainingLog(), validation(info, splits));
    }

    public static Validation validation(DatasetInfo info, Splits splits) {
        return new Validation(Registries.load().metrics().get(Validation.primaryMetric(info.task())), info,
                splits.validation(), EmptyPolicy.NAN);
    }
}
