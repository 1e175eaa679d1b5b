package io.kdbench.reports.model;

import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-client values of federated runs, read from {@code extras["clients"]} of scored cells, where a federated
 * method stores {@code {client: {metric: value}}}. Averaged over seeds: method to (client to mean).
 */
public final class FederatedClients {
    public static final String EXTRAS_KEY = "clients";

    private FederatedClients() {
    }

    /** metric to (method to (client to mean over seeds)) for one dataset; empty if no cell has clients. */
    public static Map<String, Map<String, Map<String, Double>>> of(List<CellRecord> cells, String dataset) {
        Map<String, Map<String, Map<String, List<Double>>>> raw = new TreeMap<>();
        for (CellRecord c : cells) {
            if (c.status() != CellStatus.OK || !c.spec().dataset().equals(dataset)
                    || !(c.extras().get(EXTRAS_KEY) instanceof Map<?, ?> clients)) {
                continue;
            }
            for (Map.Entry<?, ?> client : clients.entrySet()) {
                if (!(client.getValue() instanceof Map<?, ?> metrics)) {
                    continue;
                }
                for (Map.Entry<?, ?> mv : metrics.entrySet()) {
                    if (mv.getValue() instanceof Number n) {
                        raw.computeIfAbsent(String.valueOf(mv.getKey()), k -> new LinkedHashMap<>())
                                .computeIfAbsent(c.spec().method(), k -> new TreeMap<>())
                                .computeIfAbsent(String.valueOf(client.getKey()), k -> new ArrayList<>())
                                .add(n.doubleValue());
                    }
                }
            }
        }
        Map<String, Map<String, Map<String, Double>>> out = new TreeMap<>();
        raw.forEach((metric, byMethod) -> byMethod.forEach((method, byClient) -> byClient.forEach((client, v) ->
                out.computeIfAbsent(metric, k -> new LinkedHashMap<>()).computeIfAbsent(method, k -> new TreeMap<>())
                        .put(client, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)))));
        return out;
    }
}
