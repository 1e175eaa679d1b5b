package io.kdbench.registry;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Metric;

/** The three open sets kdbench benchmarks over, loaded from one class loader (which may include plug-in jars). */
public record Registries(Registry<DistillationMethod> methods, Registry<BenchmarkDataset> datasets,
                         Registry<Metric> metrics) {

    public static Registries load(ClassLoader loader) {
        return new Registries(
                Registry.load(DistillationMethod.class, "method", loader),
                Registry.load(BenchmarkDataset.class, "dataset", loader),
                Registry.load(Metric.class, "metric", loader));
    }

    public static Registries load() {
        return load(Thread.currentThread().getContextClassLoader());
    }
}
