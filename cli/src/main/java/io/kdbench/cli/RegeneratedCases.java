package io.kdbench.cli;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.Params;
import io.kdbench.data.Sample;
import io.kdbench.registry.Registries;
import io.kdbench.reports.CaseImages;
import io.kdbench.store.CellRecord;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cell's test cases regenerated from its stored dataset spec (datasets are deterministic in params and seed), so
 * the report can draw attention maps over their images. Caches one split per dataset spec and seed.
 */
final class RegeneratedCases implements CaseImages {
    private final Registries registries;
    private final Map<String, Map<String, Sample>> cache = new HashMap<>();

    RegeneratedCases(Registries registries) {
        this.registries = registries;
    }

    @Override
    public Map<String, Sample> testCases(CellRecord cell) {
        String key = cell.spec().datasetId() + cell.spec().datasetParams() + "#" + cell.spec().seed();
        return cache.computeIfAbsent(key, k -> {
            BenchmarkDataset dataset = registries.datasets().find(cell.spec().datasetId()).orElse(null);
            if (dataset == null) {
                return Map.of();
            }
            Params params = Params.of(dataset.defaults(), cell.spec().datasetParams());
            Map<String, Sample> byId = new LinkedHashMap<>();
            for (Sample s : dataset.splits(params, cell.spec().seed()).test()) {
                byId.put(s.id(), s);
            }
            return byId;
        });
    }
}
