package io.kdbench.metrics;

import io.kdbench.api.MetricResult;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builders for {@link MetricResult}s of metrics defined over a whole test set (no per-case values). */
public final class Results {
    private Results() {
    }

    /** One set-level value over {@code cases} cases; a NaN value counts no valid case. */
    public static MetricResult setLevel(String metric, double value, int cases, String note) {
        return setLevel(metric, new LinkedHashMap<>(), value, cases, note);
    }

    /** A set-level overall value plus per-class values (each over the same cases). */
    public static MetricResult setLevel(String metric, Map<String, Double> perClass, double overall, int cases,
                                        String note) {
        Map<String, MetricResult.Aggregate> aggregate = new LinkedHashMap<>();
        aggregate.put(MetricResult.OVERALL, setAggregate(overall, cases));
        perClass.forEach((name, v) -> aggregate.put(name, setAggregate(v, cases)));
        return new MetricResult(metric, aggregate, Map.of(), note);
    }

    private static MetricResult.Aggregate setAggregate(double value, int cases) {
        return new MetricResult.Aggregate(value, Double.isNaN(value) ? 0 : cases, 0, cases);
    }
}
