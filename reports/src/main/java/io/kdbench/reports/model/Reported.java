package io.kdbench.reports.model;

import java.util.Map;
import java.util.OptionalDouble;

/** A paper's reported values from the experiment file, keyed "method/dataset/metric". */
public record Reported(Map<String, Double> values) {
    public static final Reported NONE = new Reported(Map.of());

    public Reported {
        values = Map.copyOf(values);
    }

    public OptionalDouble of(String method, String dataset, String metric) {
        Double v = values.get(method + "/" + dataset + "/" + metric);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
