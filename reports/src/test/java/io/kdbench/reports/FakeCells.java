package io.kdbench.reports;

import io.kdbench.api.MetricResult;
import io.kdbench.api.Role;
import io.kdbench.env.Environment;
import io.kdbench.learning.LearningVerdict;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.Provenance;
import io.kdbench.store.ResultsStore;
import io.kdbench.store.RunSpec;
import io.kdbench.store.SpecHash;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constructed cells with chosen values, so report statistics can be checked against hand-computed answers. Every
 * scored cell is a competitor that learned ({@link #LEARNED}) unless {@link #notLearned}, {@link #verdict} or
 * {@link #role} say otherwise.
 */
public final class FakeCells {
    public static final Environment ENV = new Environment("0.1.0", "0123456789abcdef", false, "17.0.9 (Test)",
            "Linux amd64", "Test CPU @ 2.0GHz", 2, "nd4j-cpu", Map.of("nd4j", "1.0.0-M2.1"), Map.of(), "code0");
    public static final LearningVerdict LEARNED =
            new LearningVerdict(LearningVerdict.Status.LEARNED, "auroc", 0.8, 0.5, 0.3, 0.69, "fixture");
    /** Validation 0.45 does not beat the prior's 0.5; training loss 0.68 is above 0.8 x 0.69. */
    public static final LearningVerdict NOT_LEARNED =
            new LearningVerdict(LearningVerdict.Status.NOT_LEARNED, "auroc", 0.45, 0.5, 0.68, 0.69, "fixture: did not learn");
    public static final LearningVerdict FLOOR =
            new LearningVerdict(LearningVerdict.Status.FLOOR, "auroc", 0.5, 0.5, 0.69, 0.69, "a floor row: a reference, not judged");

    private final List<CellRecord> cells = new ArrayList<>();

    /** A scored cell: each metric's headline value; 10 cases per cell, all valid. */
    public FakeCells ok(String method, String dataset, long seed, Map<String, Double> values) {
        return ok(method, dataset, seed, values, 1000, 2.0 + seed, Map.of());
    }

    public FakeCells ok(String method, String dataset, long seed, Map<String, Double> values, long params,
                        double trainSeconds, Map<String, Object> extras) {
        RunSpec spec = spec(method, dataset, seed, List.copyOf(values.keySet()));
        Map<String, MetricResult> metrics = new LinkedHashMap<>();
        values.forEach((metric, v) -> {
            Map<String, Map<String, Double>> perCase = new LinkedHashMap<>();
            for (int i = 0; i < 3; i++) {
                perCase.put("case-" + i, Map.of("mean", v));
            }
            int valid = Double.isNaN(v) ? 0 : 10;
            metrics.put(metric, new MetricResult(metric, Map.of("mean", new MetricResult.Aggregate(v, valid, 0, 10)), perCase, ""));
        });
        List<Double> loss = List.of(1.0, 0.6 + 0.01 * seed, 0.4 + 0.01 * seed);
        cells.add(CellRecord.builder(SpecHash.of(spec, ENV.codeVersion(), "cpu"), spec, provenance(seed), Role.COMPETITOR)
                .seconds(trainSeconds, 0.1).model(params, false).learning(LEARNED).metrics(metrics)
                .curves(Map.of("loss", loss)).extras(extras).build());
        return this;
    }

    public FakeCells notScored(CellStatus status, String method, String dataset, long seed, String reason) {
        RunSpec spec = spec(method, dataset, seed, List.of());
        CellRecord.Builder cell = CellRecord.builder(SpecHash.of(spec, ENV.codeVersion(), "cpu"), spec, provenance(seed),
                Role.COMPETITOR);
        cells.add((status == CellStatus.FAILED ? cell.failed(reason, 3) : cell.skipped(reason)).build());
        return this;
    }

    /** The same metric values over seeds 1..n. */
    public FakeCells seeds(String method, String dataset, String metric, double... values) {
        for (int i = 0; i < values.length; i++) {
            ok(method, dataset, i + 1, Map.of(metric, values[i]));
        }
        return this;
    }

    /** The cell of method / dataset / seed did not learn ({@link #NOT_LEARNED}). */
    public FakeCells notLearned(String method, String dataset, long seed) {
        return verdict(method, dataset, seed, NOT_LEARNED);
    }

    /** Gives the cell of method / dataset / seed this verdict (null: stored without one). */
    public FakeCells verdict(String method, String dataset, long seed, LearningVerdict verdict) {
        int n = 0;
        for (int i = 0; i < cells.size(); i++) {
            CellRecord c = cells.get(i);
            if (c.spec().method().equals(method) && c.spec().dataset().equals(dataset) && c.spec().seed() == seed) {
                cells.set(i, with(c, c.role(), verdict));
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no cell " + method + " / " + dataset + " / seed " + seed);
        }
        return this;
    }

    /** Gives every cell of the method this role; scored floors get the {@link #FLOOR} verdict, as the harness gives it. */
    public FakeCells role(String method, Role role) {
        for (int i = 0; i < cells.size(); i++) {
            CellRecord c = cells.get(i);
            if (c.spec().method().equals(method)) {
                boolean floorVerdict = role == Role.FLOOR && c.status() == CellStatus.OK;
                cells.set(i, with(c, role, floorVerdict ? FLOOR : c.learning()));
            }
        }
        return this;
    }

    private static CellRecord with(CellRecord c, Role role, LearningVerdict verdict) {
        return new CellRecord(c.schema(), c.hash(), c.status(), c.reason(), c.failedEpoch(), c.spec(), c.provenance(),
                c.trainSeconds(), c.inferenceSeconds(), c.parameterCount(), c.usesPrivilegedAtTest(), role, verdict,
                c.metrics(), c.curves(), c.extras(), c.probabilities(), c.checksum());
    }

    public List<CellRecord> cells() {
        return List.copyOf(cells);
    }

    /** Writes the cells as a results folder. */
    public Path writeTo(Path dir) throws IOException {
        ResultsStore store = new ResultsStore(dir);
        store.checkWritable();
        for (CellRecord c : cells) {
            store.write(c);
        }
        return dir;
    }

    private static RunSpec spec(String method, String dataset, long seed, List<String> metrics) {
        return new RunSpec(method, method, Map.of(), dataset, dataset, Map.of(), seed, metrics, "nan");
    }

    private static Provenance provenance(long seed) {
        return new Provenance(ENV, "2026-01-01T00:00:0" + seed + "Z", "2026-01-01T00:01:0" + seed + "Z",
                "kdbench run experiments/fake.yaml");
    }
}
