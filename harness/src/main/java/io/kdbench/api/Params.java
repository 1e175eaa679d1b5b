package io.kdbench.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A component's parameters: its defaults overlaid with the experiment file's values. Keys and types were
 * checked when the experiment was loaded; the getters here only convert.
 */
public final class Params {
    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Params of(Map<String, Object> defaults, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        merged.putAll(overrides);
        return new Params(merged);
    }

    public static Params defaultsOf(Parameterised component) {
        return of(component.defaults(), Map.of());
    }

    /** Sorted view, used for hashing and storage. */
    public Map<String, Object> asMap() {
        return values;
    }

    public int getInt(String key) {
        return ((Number) require(key)).intValue();
    }

    public double getDouble(String key) {
        return ((Number) require(key)).doubleValue();
    }

    public boolean getBoolean(String key) {
        return (Boolean) require(key);
    }

    public String getString(String key) {
        return String.valueOf(require(key));
    }

    @SuppressWarnings("unchecked")
    public List<Object> getList(String key) {
        return (List<Object>) require(key);
    }

    public Params with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Params(copy);
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + key + "' (known: " + values.keySet() + ")");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
