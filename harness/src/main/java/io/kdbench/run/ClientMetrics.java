package io.kdbench.run;

import io.kdbench.api.MetricResult;
import io.kdbench.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test metrics per client (site) for datasets whose test cases carry one: for each client and each metric with
 * per-case values, the mean over that client's cases of each case's value (its mean over classes, NaN left out).
 * Computed by the harness, since methods never see test labels.
 */
final class ClientMetrics {
    /** The extras key the report reads: {client: {metric: value}}. */
    static final String KEY = "clients";

    private ClientMetrics() {
    }

    static Map<String, Map<String, Double>> of(List<Sample> test, Map<String, MetricResult> results) {
        Map<String, Map<String, List<Double>>> raw = new TreeMap<>();
        for (Sample s : test) {
            if (s.client() == null) {
                continue;
            }
            for (Map.Entry<String, MetricResult> r : results.entrySet()) {
                Map<String, Double> perClass = r.getValue().perCase().get(s.id());
                double v = caseValue(perClass);
                if (!Double.isNaN(v)) {
                    raw.computeIfAbsent(s.client(), k -> new TreeMap<>())
                            .computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(v);
                }
            }
        }
        Map<String, Map<String, Double>> out = new TreeMap<>();
        raw.forEach((client, byMetric) -> byMetric.forEach((metric, values) -> out
                .computeIfAbsent(client, k -> new TreeMap<>())
                .put(metric, values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))));
        return out;
    }

    /** A case's value: its "mean" entry if present, else the mean of its defined class values. */
    static double caseValue(Map<String, Double> perClass) {
        if (perClass == null || perClass.isEmpty()) {
            return Double.NaN;
        }
        Double mean = perClass.get(MetricResult.OVERALL);
        if (mean != null) {
            return mean;
        }
        return perClass.values().stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue)
                .average().orElse(Double.NaN);
    }
}
