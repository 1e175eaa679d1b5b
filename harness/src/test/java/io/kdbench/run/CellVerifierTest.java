package io.kdbench.run;

import io.kdbench.api.MetricResult;
import io.kdbench.api.Role;
import io.kdbench.env.Environment;
import io.kdbench.learning.LearningVerdict;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.RunSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Beside the values that differ, verify names what differs in the environments that computed them; the differences
 * of two cells are one line each, and a sample is seeded.
 */
class CellVerifierTest {
    private static Environment env(String cpu, String java, String nd4j, Map<String, String> device) {
        return new Environment("0.1", "abc", false, java, "linux", cpu, 2, "cpu",
                Map.of("nd4j", nd4j, "natives", "linux-x86_64-onednn-avx2"), device, "code0");
    }

    @Test
    void environmentDifferencesAreOneLinePerFact() {
        Environment stored = env("AMD EPYC", "17.0.15", "1.0.0-M2.1", Map.of("OMP_NUM_THREADS", "1",
                "DNNL_MAX_CPU_ISA", "AVX2", "cpuIsa", "avx2"));
        Environment now = env("Intel Xeon", "17.0.15", "1.0.0-M2.1", Map.of("OMP_NUM_THREADS", "1",
                "cpuIsa", "avx512f"));
        assertEquals(List.of("environment CPU model: stored AMD EPYC, now Intel Xeon",
                        "environment cpuIsa: stored avx2, now avx512f",
                        "environment DNNL_MAX_CPU_ISA: stored AVX2, now unset"),
                CellVerifier.environmentDifferences(stored, now));
        assertEquals(List.of(), CellVerifier.environmentDifferences(stored, stored));
        assertEquals(List.of("environment ND4J: stored 1.0.0-M2.1, now 1.0.0-M3", "environment Java: stored 17.0.15, now 21"),
                CellVerifier.environmentDifferences(stored, env("AMD EPYC", "21", "1.0.0-M3", stored.device())));
    }

    static final RunSpec SPEC = new RunSpec("m", "m", Map.of(), "d", "d", Map.of(), 1, List.of("auroc"), "nan");
    static final LearningVerdict LEARNED =
            new LearningVerdict(LearningVerdict.Status.LEARNED, "auroc", 0.8, 0.5, 0.3, 0.69, "fixture");

    static MetricResult auroc(double value, double case1) {
        return new MetricResult("auroc", Map.of("mean", new MetricResult.Aggregate(value, 10, 0, 10)),
                Map.of("case-1", Map.of("mean", case1)), "");
    }

    static CellRecord cell(CellStatus status, String reason, Map<String, MetricResult> metrics,
                           Map<String, double[]> probabilities, List<Double> loss, LearningVerdict learning) {
        return new CellRecord(CellRecord.SCHEMA, "h", status, reason, -1, SPEC, null, 1, 0.1, 10, false, Role.COMPETITOR,
                learning, metrics, Map.of("loss", loss), Map.of(), probabilities, "");
    }

    static CellRecord stored() {
        return cell(CellStatus.OK, "", Map.of("auroc", auroc(0.8, 1.0)), Map.of("case-1", new double[] {0.25, 0.75}),
                List.of(0.9, 0.5), LEARNED);
    }

    @Test
    void theSameCellHasNoDifferences() {
        assertEquals(List.of(), CellVerifier.differences(stored(), stored()));
    }

    @Test
    void anotherStatusIsTheOnlyDifferenceNamed() {
        CellRecord failed = cell(CellStatus.FAILED, "loss diverged", Map.of(), Map.of(), List.of(), null);
        assertEquals(List.of("status OK -> FAILED (loss diverged)"), CellVerifier.differences(stored(), failed));
    }

    @Test
    void everyDifferingValueIsOneLineInAFixedOrder() {
        CellRecord now = cell(CellStatus.OK, "",
                Map.of("auroc", auroc(0.81, 0.5), "dice", auroc(0.5, 0.5)),
                Map.of("case-1", new double[] {0.5, 0.5}), List.of(0.9, 0.4), null);
        assertEquals(List.of(
                        "auroc[mean]: stored Aggregate[value=0.8, nValid=10, nPenalised=0, nCases=10], recomputed"
                                + " Aggregate[value=0.81, nValid=10, nPenalised=0, nCases=10]",
                        "auroc: per-case values differ",
                        "dice: present in only one",
                        "probabilities of case case-1: stored [0.25, 0.75], recomputed [0.5, 0.5]",
                        "training curve differs",
                        "learning verdict: stored " + LEARNED + ", recomputed null"),
                CellVerifier.differences(stored(), now));
    }

    @Test
    void aSampleIsSeededAndTakesEachCellOnceAtMost() {
        List<CellRecord> cells = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cells.add(stored());
        }
        assertEquals(cells, CellVerifier.sample(cells, 0, 7), "0: all");
        assertEquals(cells, CellVerifier.sample(cells, 5, 7), "as many as there are: all, in order");
        List<CellRecord> two = CellVerifier.sample(cells, 2, 7);
        assertEquals(2, two.size());
        assertTrue(two.get(0) != two.get(1), "two different cells");
        List<CellRecord> again = CellVerifier.sample(cells, 2, 7);
        assertTrue(two.get(0) == again.get(0) && two.get(1) == again.get(1), "the same seed, the same sample");
    }
}
