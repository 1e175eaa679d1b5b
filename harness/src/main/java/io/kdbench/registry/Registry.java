package io.kdbench.registry;

import io.kdbench.api.Component;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Components of one kind found through {@link ServiceLoader}, by id. Built once per class loader; two
 * components with one id is an error, since a leaderboard row must name one implementation.
 */
public final class Registry<T extends Component> {
    private final String kind;
    private final Map<String, T> byId;

    private Registry(String kind, Map<String, T> byId) {
        this.kind = kind;
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static <T extends Component> Registry<T> load(Class<T> type, String kind, ClassLoader loader) {
        Map<String, T> found = new TreeMap<>();
        for (T component : ServiceLoader.load(type, loader)) {
            T previous = found.put(component.id(), component);
            if (previous != null) {
                throw new IllegalStateException("two " + kind + "s register the id '" + component.id() + "': "
                        + previous.getClass().getName() + " and " + component.getClass().getName());
            }
        }
        return new Registry<>(kind, found);
    }

    public String kind() {
        return kind;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public T get(String id) {
        T component = byId.get(id);
        if (component == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + id + "'; valid: " + String.join(", ", ids()));
        }
        return component;
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public List<T> all() {
        return List.copyOf(byId.values());
    }
}
