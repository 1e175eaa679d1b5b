package io.kdbench.experiment;

import io.kdbench.api.EmptyPolicy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated experiment file: the grid methods x datasets x seeds and how to score it.
 *
 * @param seeds        the seeds every dataset runs unless its entry gives its own
 * @param datasetSeeds by dataset label, the seeds of the entries that give their own (a dataset whose claims need
 *                     another seed count than the rest of the grid for the same interval width)
 * @param reported a paper's reported values, keyed "method/dataset/metric", shown beside kdbench's
 * @param claims   papers' claims that {@code kdbench claims} tests on the stored cells (not part of any cell's spec)
 */
public record Experiment(Path file, String name, Path output, List<Long> seeds, Map<String, List<Long>> datasetSeeds,
                         EmptyPolicy emptyPolicy,
                         List<String> metrics, List<ComponentSpec> methods, List<ComponentSpec> datasets,
                         int retries, Map<String, Double> reported, List<Claim> claims) {
    public Experiment {
        seeds = List.copyOf(seeds);
        datasetSeeds = Map.copyOf(datasetSeeds);
        metrics = List.copyOf(metrics);
        methods = List.copyOf(methods);
        datasets = List.copyOf(datasets);
        reported = Map.copyOf(reported);
        claims = List.copyOf(claims);
    }

    /** The seeds the dataset with this label runs: its entry's own, else the experiment's. */
    public List<Long> seedsOf(String datasetLabel) {
        return datasetSeeds.getOrDefault(datasetLabel, seeds);
    }

    /** Cells of the grid: each method on each dataset it runs on, for each of that dataset's seeds. */
    public int cellCount() {
        long cells = datasets.stream().mapToLong(d -> methods.stream().filter(m -> m.runsOn(d.label())).count()
                * seedsOf(d.label()).size()).sum();
        return Math.toIntExact(cells);
    }
}
