package io.kdbench.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters a {@link Parameterised} component declares, in the order listings show them. Its
 * {@link #defaults()} are the component's defaults and {@link #check} its range checks, so the one declaration
 * gives the default, validates a value and documents it.
 */
public final class ParamSpec {
    private final List<Param> params;

    private ParamSpec(List<Param> params) {
        Map<String, Param> byName = new LinkedHashMap<>();
        for (Param p : params) {
            if (byName.put(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' declared twice");
            }
        }
        this.params = List.copyOf(params);
    }

    public static ParamSpec of(Param... params) {
        return new ParamSpec(List.of(params));
    }

    public static ParamSpec of(List<Param> params) {
        return new ParamSpec(params);
    }

    /** No parameters. */
    public static ParamSpec none() {
        return new ParamSpec(List.of());
    }

    /** These parameters followed by {@code more}. */
    public ParamSpec and(Param... more) {
        return and(ParamSpec.of(more));
    }

    /** These parameters followed by those of {@code more}. */
    public ParamSpec and(ParamSpec more) {
        List<Param> all = new ArrayList<>(params);
        all.addAll(more.params);
        return new ParamSpec(all);
    }

    /** Every parameter renamed {@code prefix + name}, its meaning starting with {@code meaningPrefix}. */
    public ParamSpec prefixed(String prefix, String meaningPrefix) {
        return new ParamSpec(params.stream().map(p -> p.prefixed(prefix, meaningPrefix)).toList());
    }

    public List<Param> list() {
        return params;
    }

    public Optional<Param> get(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Name to default, in declaration order: the component's {@link Parameterised#defaults()}. */
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        for (Param p : params) {
            d.put(p.name(), p.defaultValue());
        }
        return Collections.unmodifiableMap(d);
    }

    /** Every declared range, in declaration order; the first value out of range throws naming it and the value. */
    public void check(Params values) {
        for (Param p : params) {
            p.check(values);
        }
    }
}
