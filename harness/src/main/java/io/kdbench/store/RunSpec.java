package io.kdbench.store;

import io.kdbench.api.EmptyPolicy;
import io.kdbench.experiment.ComponentSpec;

import java.util.List;
import java.util.Map;

/**
 * One cell of the grid: what to train, on what, with which seed, scored how. Everything that decides
 * a cell's numbers is here (plus the code version and backend, which the store adds to the hash). Serializable, as
 * it is, so a cluster task gets exactly these values (a JSON round trip could change a number's type).
 */
public record RunSpec(String method, String methodId, Map<String, Object> methodParams,
                      String dataset, String datasetId, Map<String, Object> datasetParams,
                      long seed, List<String> metrics, String emptyPolicy) implements java.io.Serializable {

    public RunSpec {
        methodParams = Map.copyOf(methodParams);
        datasetParams = Map.copyOf(datasetParams);
        metrics = List.copyOf(metrics);
    }

    public static RunSpec of(ComponentSpec method, ComponentSpec dataset, long seed, List<String> metrics,
                             EmptyPolicy policy) {
        return new RunSpec(method.label(), method.id(), method.params().asMap(), dataset.label(), dataset.id(),
                dataset.params().asMap(), seed, metrics, policy.id());
    }

    public String describeCell() {
        return method + " / " + dataset + " / seed " + seed;
    }
}
