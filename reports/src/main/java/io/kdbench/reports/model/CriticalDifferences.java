package io.kdbench.reports.model;

import io.kdbench.stats.Friedman;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Friedman test of one metric across datasets, on the methods that have a value on every dataset that has
 * the metric (mean over seeds per dataset). Empty with a reason when it cannot be run or would not mean much: it
 * needs at least {@value #MIN_METHODS} methods (with 2, the sign of one difference per dataset says it all) and
 * {@value #MIN_DATASETS} datasets as blocks (with fewer, the Nemenyi CD is so wide that no pair can differ).
 * {@link #overSeeds} runs it on one dataset with its seeds as blocks instead (same minimums), which says whether the
 * ranking holds from seed to seed rather than across datasets.
 *
 * @param methods   the methods compared, in the order of the test's average ranks
 * @param blocks    the blocks used: datasets, or "seed 1", "seed 2", ... of one dataset
 * @param blockKind "datasets", or "seeds of DATASET"
 * @param left      methods left out because they miss a block
 * @param reason    why there is no test (empty if there is one)
 */
public record CriticalDifferences(String metric, List<String> methods, List<String> blocks, String blockKind,
                                  List<String> left, Optional<Friedman> friedman, String reason) {
    /** The q table of the Nemenyi test stops at 10 methods. */
    static final int MAX_METHODS = 10;
    public static final int MIN_METHODS = 3;
    public static final int MIN_DATASETS = 5;

    public static CriticalDifferences of(Leaderboard board, String metric) {
        List<String> datasets = board.datasets().stream()
                .filter(d -> board.methodsOn(d).stream().anyMatch(m -> has(board, m, d, metric))).toList();
        List<String> methods = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String m : board.methods()) {
            if (board.upperBound(m)) {
                continue;
            }
            boolean everywhere = datasets.stream().allMatch(d -> has(board, m, d, metric));
            boolean anywhere = datasets.stream().anyMatch(d -> has(board, m, d, metric));
            if (everywhere && !datasets.isEmpty()) {
                methods.add(m);
            } else if (anywhere) {
                left.add(m);
            }
        }
        String reason = datasets.size() < MIN_DATASETS ? "needs at least " + MIN_DATASETS + " datasets with " + metric
                + " as blocks; this report has " + datasets.size()
                : methods.size() < MIN_METHODS ? "needs at least " + MIN_METHODS + " methods (not upper bounds) scored on "
                + "every dataset with " + metric + "; found " + methods.size()
                : methods.size() > MAX_METHODS ? "the Nemenyi table covers at most 10 methods; found " + methods.size()
                : "";
        if (!reason.isEmpty()) {
            return new CriticalDifferences(metric, methods, datasets, "datasets", left, Optional.empty(), reason);
        }
        double[][] scores = new double[datasets.size()][methods.size()];
        for (int i = 0; i < datasets.size(); i++) {
            for (int j = 0; j < methods.size(); j++) {
                scores[i][j] = board.entry(methods.get(j), datasets.get(i), metric).mean();
            }
        }
        Friedman f = Friedman.of(scores, board.directions().higherIsBetter(metric));
        return new CriticalDifferences(metric, methods, datasets, "datasets", left, Optional.of(f), "");
    }

    /**
     * The test on one dataset with the seeds as blocks: the methods (not upper bounds) with a value on every seed
     * that all of them share; empty with a reason below {@value #MIN_METHODS} methods or {@value #MIN_DATASETS} seeds.
     */
    public static CriticalDifferences overSeeds(Leaderboard board, String dataset, String metric) {
        List<String> methods = board.methodsOn(dataset).stream()
                .filter(m -> !board.learning(m, dataset).upperBound() && has(board, m, dataset, metric)).toList();
        List<Long> seeds = new ArrayList<>();
        if (!methods.isEmpty()) {
            for (long seed : board.entry(methods.get(0), dataset, metric).seeds()) {
                if (methods.stream().allMatch(m -> !Double.isNaN(board.entry(m, dataset, metric).valueOf(seed)))) {
                    seeds.add(seed);
                }
            }
        }
        List<String> blocks = seeds.stream().map(s -> "seed " + s).toList();
        String kind = "seeds of " + dataset;
        String reason = seeds.size() < MIN_DATASETS ? "needs at least " + MIN_DATASETS + " seeds shared by the methods of "
                + dataset + " as blocks; found " + seeds.size()
                : methods.size() < MIN_METHODS ? "needs at least " + MIN_METHODS + " methods (not upper bounds) on " + dataset
                + "; found " + methods.size()
                : methods.size() > MAX_METHODS ? "the Nemenyi table covers at most 10 methods; found " + methods.size()
                : "";
        if (!reason.isEmpty()) {
            return new CriticalDifferences(metric, methods, blocks, kind, List.of(), Optional.empty(), reason);
        }
        double[][] scores = new double[seeds.size()][methods.size()];
        for (int i = 0; i < seeds.size(); i++) {
            for (int j = 0; j < methods.size(); j++) {
                scores[i][j] = board.entry(methods.get(j), dataset, metric).valueOf(seeds.get(i));
            }
        }
        Friedman f = Friedman.of(scores, board.directions().higherIsBetter(metric));
        return new CriticalDifferences(metric, methods, blocks, kind, List.of(), Optional.of(f), "");
    }

    private static boolean has(Leaderboard board, String m, String d, String metric) {
        Leaderboard.Entry e = board.entry(m, d, metric);
        return e != null && e.values().length > 0;
    }
}
