package io.kdbench.run;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.MetricResult;
import io.kdbench.api.Params;
import io.kdbench.data.Splits;
import io.kdbench.env.Environment;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.RunSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    /**
     * The verdict on one cell: recomputed ({@code cannotRecompute} null) with no {@code differences} means identical.
     * {@code environment} names each fact of the environment that differs between the stored and the recomputed cell.
     */
    public record Verdict(CellRecord stored, List<String> differences, List<String> environment, String cannotRecompute) {
        public boolean identical() {
            return cannotRecompute == null && differences.isEmpty();
        }

        static Verdict cannot(CellRecord stored, String why) {
            return new Verdict(stored, List.of(), List.of(), why);
        }
    }

    public Verdict verify(CellRecord stored) {
        RunSpec spec = stored.spec();
        List<String> unregistered = new ArrayList<>();
        if (registries.methods().find(spec.methodId()).isEmpty()) {
            unregistered.add("method '" + spec.methodId() + "'");
        }
        if (registries.datasets().find(spec.datasetId()).isEmpty()) {
            unregistered.add("dataset '" + spec.datasetId() + "'");
        }
        if (!unregistered.isEmpty()) {
            return Verdict.cannot(stored, String.join(" and ", unregistered)
                    + (unregistered.size() == 1 ? " is" : " are") + " not registered (a plug-in? pass --with JAR)");
        }
        CellRecord again;
        try {
            BenchmarkDataset dataset = registries.datasets().get(spec.datasetId());
            Params params = Params.of(dataset.defaults(), spec.datasetParams());
            DatasetInfo info = dataset.info(params);
            Splits splits = stored.status() == CellStatus.SKIPPED ? null : dataset.splits(params, spec.seed());
            again = runner.run(stored.hash(), spec, info, splits, 0);
        } catch (RuntimeException e) {
            return Verdict.cannot(stored, "recomputing it threw " + e);
        }
        if (again.status() == CellStatus.FAILED && stored.status() != CellStatus.FAILED) {
            return Verdict.cannot(stored, "recomputing it failed: " + again.reason());
        }
        return new Verdict(stored, differences(stored, again),
                environmentDifferences(stored.provenance().environment(), again.provenance().environment()), null);
    }

    /**
     * The facts that decide a cell's floating point besides the code, one line per fact that differs: CPU model and
     * instruction set, the pinned settings, the natives, the ND4J version, the Java version.
     */
    static List<String> environmentDifferences(Environment stored, Environment now) {
        Map<String, String[]> facts = new LinkedHashMap<>();
        facts.put("CPU model", new String[] {stored.cpuModel(), now.cpuModel()});
        facts.put("cpuIsa", new String[] {device(stored, "cpuIsa"), device(now, "cpuIsa")});
        for (String key : Environment.PINNED) {
            facts.put(key, new String[] {device(stored, key), device(now, key)});
        }
        facts.put("natives", new String[] {version(stored, "natives"), version(now, "natives")});
        facts.put("ND4J", new String[] {version(stored, "nd4j"), version(now, "nd4j")});
        facts.put("Java", new String[] {stored.javaVersion(), now.javaVersion()});
        List<String> out = new ArrayList<>();
        facts.forEach((name, v) -> {
            if (!Objects.equals(v[0], v[1])) {
                out.add("environment " + name + ": stored " + v[0] + ", now " + v[1]);
            }
        });
        return out;
    }

    private static String device(Environment env, String key) {
        return env.device().getOrDefault(key, "unset");
    }

    private static String version(Environment env, String key) {
        return env.backendVersions().getOrDefault(key, "unknown");
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
