package io.kdbench.experiment;

import io.kdbench.api.EmptyPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated experiment file: the grid methods x datasets x seeds and how to score it.
 *
 * @param reported a paper's reported values, keyed "method/dataset/metric", shown beside kdbench's
 * @param claims   papers' claims that {@code kdbench claims} tests on the stored cells (not part of any cell's spec)
 */
public record Experiment(Path file, String name, Path output, List<Long> seeds, EmptyPolicy emptyPolicy,
                         List<String> metrics, List<ComponentSpec> methods, List<ComponentSpec> datasets,
                         int retries, Map<String, Double> reported, List<Claim> claims) {
    public Experiment {
        seeds = List.copyOf(seeds);
        metrics = List.copyOf(metrics);
        methods = List.copyOf(methods);
        datasets = List.copyOf(datasets);
        reported = Map.copyOf(reported);
        claims = List.copyOf(claims);
    }

    /** Cells of the grid: each method on each dataset it runs on, for each seed. */
    public int cellCount() {
        long pairs = methods.stream().mapToLong(m -> datasets.stream().filter(d -> m.runsOn(d.label())).count()).sum();
        return Math.toIntExact(pairs * seeds.size());
    }
}
