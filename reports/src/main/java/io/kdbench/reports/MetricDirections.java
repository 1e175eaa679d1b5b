package io.kdbench.reports;

import io.kdbench.api.Metric;
import io.kdbench.registry.Registry;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which way each metric is better, from the metric registry ({@link Metric#higherIsBetter()}). A metric id the
 * registry does not know (a plug-in no longer on the class path) counts as higher-is-better.
 */
public final class MetricDirections {
    private final Map<String, Boolean> higher;

    private MetricDirections(Map<String, Boolean> higher) {
        this.higher = higher;
    }

    /** Directions of every metric found by the class loader. */
    public static MetricDirections load(ClassLoader loader) {
        Map<String, Boolean> m = new TreeMap<>();
        for (Metric metric : Registry.load(Metric.class, "metric", loader).all()) {
            m.put(metric.id(), metric.higherIsBetter());
        }
        return new MetricDirections(m);
    }

    public static MetricDirections load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /** For tests: the given metric ids are lower-is-better, all others higher. */
    public static MetricDirections lowerIsBetter(String... metricIds) {
        Map<String, Boolean> m = new TreeMap<>();
        for (String id : metricIds) {
            m.put(id, false);
        }
        return new MetricDirections(m);
    }

    public boolean higherIsBetter(String metricId) {
        return higher.getOrDefault(metricId, true);
    }

    /** A signed difference where positive means "better": a - b, or b - a for lower-is-better metrics. */
    public double improvement(String metricId, double a, double b) {
        return higherIsBetter(metricId) ? a - b : b - a;
    }
}
