package io.kdbench.reports.model;

import io.kdbench.api.Metric;
import io.kdbench.registry.Registry;
import io.kdbench.stats.Bounds;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the report needs to know of each metric, from the metric registry: which way is better
 * ({@link Metric#higherIsBetter()}), its range ({@link Metric#bounds()}) and unit ({@link Metric#unit()}). A metric
 * id the registry does not know (a plug-in no longer on the class path) counts as higher-is-better, unbounded and
 * without unit.
 */
public final class MetricDirections {
    /** One metric's direction, range and unit. */
    public record Scale(boolean higherIsBetter, Bounds bounds, String unit) {
        static final Scale UNKNOWN = new Scale(true, Bounds.NONE, "");
    }

    private final Map<String, Scale> scales;

    private MetricDirections(Map<String, Scale> scales) {
        this.scales = scales;
    }

    /** Directions of every metric found by the class loader. */
    public static MetricDirections load(ClassLoader loader) {
        Map<String, Scale> m = new TreeMap<>();
        for (Metric metric : Registry.load(Metric.class, "metric", loader).all()) {
            m.put(metric.id(), new Scale(metric.higherIsBetter(), metric.bounds(), metric.unit()));
        }
        return new MetricDirections(m);
    }

    public static MetricDirections load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /** For tests: the given metric ids are lower-is-better, all others higher; all unbounded and without unit. */
    public static MetricDirections lowerIsBetter(String... metricIds) {
        Map<String, Scale> m = new TreeMap<>();
        for (String id : metricIds) {
            m.put(id, new Scale(false, Bounds.NONE, ""));
        }
        return new MetricDirections(m);
    }

    /** For tests: these metrics with exactly these scales, others unknown. */
    public static MetricDirections of(Map<String, Scale> scales) {
        return new MetricDirections(new TreeMap<>(scales));
    }

    public boolean higherIsBetter(String metricId) {
        return scale(metricId).higherIsBetter();
    }

    public Bounds bounds(String metricId) {
        return scale(metricId).bounds();
    }

    /** "mm" for distances, "" when the metric has no unit. */
    public String unit(String metricId) {
        return scale(metricId).unit();
    }

    /** The metric's name with its unit, for column heads and axes: "hd95[monai] (mm)", "dice". */
    public String withUnit(String metricId) {
        String unit = unit(metricId);
        return unit.isEmpty() ? metricId : metricId + " (" + unit + ")";
    }

    /** A signed difference where positive means "better": a - b, or b - a for lower-is-better metrics. */
    public double improvement(String metricId, double a, double b) {
        return higherIsBetter(metricId) ? a - b : b - a;
    }

    private Scale scale(String metricId) {
        return scales.getOrDefault(metricId, Scale.UNKNOWN);
    }
}
