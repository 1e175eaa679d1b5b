package io.kdbench.run;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Params;
import io.kdbench.data.Splits;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Recomputes stored cells from their specs and compares the results bit for bit: every metric aggregate and
 * per-case value, every stored probability, the training curves and the learning verdict. Names what differs.
 */
public final class CellVerifier {
    private final Registries registries;
    private final CellRunner runner;

    public CellVerifier(Registries registries, CellRunner runner) {
        this.registries = registries;
        this.runner = runner;
    }

    /** The verdict on one cell: empty {@code differences} means identical. */
    public record Verdict(CellRecord stored, List<String> differences) {
        public boolean identical() {
            return differences.isEmpty();
        }
    }

    public Verdict verify(CellRecord stored) {
        RunSpec spec = stored.spec();
        BenchmarkDataset dataset = registries.datasets().get(spec.datasetId());
        Params params = Params.of(dataset.defaults(), spec.datasetParams());
        DatasetInfo info = dataset.info(params);
        Splits splits = stored.status() == CellStatus.SKIPPED ? null : dataset.splits(params, spec.seed());
        CellRecord again = runner.run(stored.hash(), spec, info, splits, 0);
        return new Verdict(stored, differences(stored, again));
    }

    static List<String> differences(CellRecord a, CellRecord b) {
        List<String> out = new ArrayList<>();
        if (a.status() != b.status()) {
            out.add("status " + a.status() + " -> " + b.status() + (b.reason().isEmpty() ? "" : " (" + b.reason() + ")"));
            return out;
        }
        for (String metric : new TreeSet<>(union(a.metrics().keySet(), b.metrics().keySet()))) {
            MetricResult x = a.metrics().get(metric);
            MetricResult y = b.metrics().get(metric);
            if (x == null || y == null) {
                out.add(metric + ": present in only one");
                continue;
            }
            for (String cls : new TreeSet<>(union(x.aggregate().keySet(), y.aggregate().keySet()))) {
                MetricResult.Aggregate p = x.aggregate().get(cls);
                MetricResult.Aggregate q = y.aggregate().get(cls);
                if (!Objects.equals(p, q)) {
                    out.add(metric + "[" + cls + "]: stored " + p + ", recomputed " + q);
                }
            }
            if (!Objects.equals(x.perCase(), y.perCase())) {
                out.add(metric + ": per-case values differ");
            }
        }
        for (String id : new TreeSet<>(union(a.probabilities().keySet(), b.probabilities().keySet()))) {
            if (!Arrays.equals(a.probabilities().get(id), b.probabilities().get(id))) {
                out.add("probabilities of case " + id + ": stored " + Arrays.toString(a.probabilities().get(id))
                        + ", recomputed " + Arrays.toString(b.probabilities().get(id)));
            }
        }
        if (!Objects.equals(a.curves(), b.curves())) {
            out.add("training curve differs");
        }
        if (!Objects.equals(a.learning(), b.learning())) {
            out.add("learning verdict: stored " + a.learning() + ", recomputed " + b.learning());
        }
        return out;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** Every cell in {@code cells} that is verified, in a seeded random sample of at most {@code n} (or all if n <= 0). */
    public static List<CellRecord> sample(List<CellRecord> cells, int n, long seed) {
        List<CellRecord> pool = new ArrayList<>(cells);
        if (n <= 0 || n >= pool.size()) {
            return pool;
        }
        java.util.Collections.shuffle(pool, new java.util.Random(seed));
        return pool.subList(0, n);
    }

}
