package io.kdbench.reports.gate;

import io.kdbench.reports.FakeCells;
import io.kdbench.reports.model.MetricDirections;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegressionGateTest {
    static final MetricDirections DIRECTIONS = MetricDirections.lowerIsBetter("hd95[monai]");
    static final RegressionGate GATE = new RegressionGate(DIRECTIONS, OptionalDouble.empty(), RegressionGate.ALPHA);

    static List<io.kdbench.store.CellRecord> cells(String metric, double... v) {
        return new FakeCells().seeds("m", "d", metric, v).cells();
    }

    @Test
    void aClearRegressionIsWorseWithTheHandComputedPValue() {
        // baseline sd 0.02 is the margin; d = -0.10, -0.11, -0.12; d + margin = -0.08, -0.09, -0.10:
        // t = -0.09 / (0.01 / sqrt 3) = -15.588; for 2 df, P(T < t) = 1/2 + t / (2 sqrt(2 + t^2)) = 0.002049
        GateResult r = GATE.compareStores("b", cells("auroc", 0.80, 0.82, 0.84), "c", cells("auroc", 0.70, 0.71, 0.72));
        GateRow row = r.rows().get(0);
        assertEquals(Verdict.WORSE, row.verdict());
        assertEquals(0.02, row.margin(), 1e-12);
        assertEquals(-0.11, row.improvement(), 1e-12);
        assertEquals(-11.0, row.cohensDz(), 1e-9);
        double t = -0.09 / (0.01 / Math.sqrt(3));
        assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), row.pWorse(), 1e-9);
        assertFalse(r.passed());
    }

    @Test
    void noChangeIsSameAndPasses() {
        GateResult r = GATE.compareStores("b", cells("auroc", 0.80, 0.82, 0.84), "c", cells("auroc", 0.80, 0.82, 0.84));
        assertEquals(Verdict.SAME, r.rows().get(0).verdict());
        assertTrue(r.passed());
    }

    @Test
    void aChangeWithinTheMarginIsSame() {
        // d = -0.005, -0.015, +0.005: mean -0.005, well inside the margin 0.02
        GateResult r = GATE.compareStores("b", cells("auroc", 0.80, 0.82, 0.84), "c", cells("auroc", 0.795, 0.805, 0.845));
        assertEquals(Verdict.SAME, r.rows().get(0).verdict());
    }

    @Test
    void anImprovementIsBetterAndLowerIsBetterMetricsAreFlipped() {
        GateResult r = GATE.compareStores("b", cells("hd95[monai]", 5.0, 5.2, 5.4), "c", cells("hd95[monai]", 3.0, 3.3, 3.4));
        GateRow row = r.rows().get(0);
        assertEquals(Verdict.BETTER, row.verdict());
        // lower is better, so d = baseline - candidate = 2.0, 1.9, 2.0: mean 5.9 / 3, sample sd sqrt(0.02 / 6);
        // the margin is the baseline's sd, 0.2; d - margin = 1.8, 1.7, 1.8: t = (5.3 / 3) / (sd / sqrt 3) = 53
        double sd = Math.sqrt(0.02 / 6);
        assertEquals(5.9 / 3, row.improvement(), 1e-9, "smaller distance = positive improvement");
        assertEquals(0.2, row.margin(), 1e-9);
        assertEquals((5.9 / 3) / sd, row.cohensDz(), 1e-6);
        double t = (5.3 / 3) / (sd / Math.sqrt(3));
        assertEquals(53.0, t, 1e-9);
        // for 2 df, P(T > t) = 1/2 - t / (2 sqrt(2 + t^2))
        assertEquals(0.5 - t / (2 * Math.sqrt(2 + t * t)), row.pBetter(), 1e-9);
        assertTrue(r.passed());
    }

    @Test
    void aGivenMarginOverridesTheBaselineSd() {
        RegressionGate wide = new RegressionGate(DIRECTIONS, OptionalDouble.of(0.5), RegressionGate.ALPHA);
        GateResult r = wide.compareStores("b", cells("auroc", 0.80, 0.82, 0.84), "c", cells("auroc", 0.70, 0.71, 0.72));
        assertEquals(Verdict.SAME, r.rows().get(0).verdict());
        assertEquals("given", r.rows().get(0).marginSource());
    }

    @Test
    void methodAgainstMethodInOneFolder() {
        List<io.kdbench.store.CellRecord> all = new FakeCells().seeds("new", "d", "auroc", 0.90, 0.93, 0.92)
                .seeds("x", "d", "auroc", 0.80, 0.82, 0.84).cells();
        GateResult r = GATE.compareMethods("f", all, "new", "f", all, "x");
        assertEquals("new vs x", r.rows().get(0).method());
        assertEquals(Verdict.BETTER, r.rows().get(0).verdict());
        assertThrows(IllegalArgumentException.class, () -> GATE.compareMethods("f", all, "nope", "f", all, "x"));
    }

    @Test
    void nothingInCommonIsBadInputAndOneSeedIsNotCompared() {
        assertThrows(IllegalArgumentException.class,
                () -> GATE.compareStores("b", cells("auroc", 0.8, 0.9), "c", cells("accuracy", 0.8, 0.9)));
        GateResult r = GATE.compareStores("b", cells("auroc", 0.8), "c", cells("auroc", 0.2));
        assertEquals(Verdict.NOT_COMPARED, r.rows().get(0).verdict());
        assertTrue(r.passed());
    }
    @Test
    void aCandidateThatStopsLearningIsWorseThoughItsNumbersAreEqual() {
        GateResult r = GATE.compareStores("b", cells("auroc", 0.80, 0.82, 0.84), "c",
                new FakeCells().seeds("m", "d", "auroc", 0.80, 0.82, 0.84).notLearned("m", "d", 2).cells());
        GateRow row = r.rows().get(0);
        assertEquals(Verdict.WORSE, row.verdict());
        assertEquals(0.0, row.improvement(), 1e-12);
        assertEquals("yes", row.baselineLearned());
        assertEquals("no (1/3)", row.candidateLearned());
        assertTrue(row.note().startsWith("candidate row did not learn (1 of 3 seeds)"), row.note());
        assertTrue(Double.isNaN(row.pWorse()), "decided by the verdict, not tested");
        assertFalse(r.passed());
        assertTrue(GateText.table(r).contains("gate: FAIL: 1 worse"), GateText.table(r));
    }

    @Test
    void aBaselineThatDidNotLearnIsNotEvidenceAndLeavesTheHolmFamily() {
        // d1: the baseline did not learn on seed 1; d2: the clear regression of aClearRegressionIsWorseWithTheHandComputedPValue
        List<io.kdbench.store.CellRecord> baseline = new FakeCells().seeds("m", "d1", "auroc", 0.80, 0.82, 0.84)
                .notLearned("m", "d1", 1).seeds("m", "d2", "auroc", 0.80, 0.82, 0.84).cells();
        List<io.kdbench.store.CellRecord> candidate = new FakeCells().seeds("m", "d1", "auroc", 0.50, 0.51, 0.52)
                .seeds("m", "d2", "auroc", 0.70, 0.71, 0.72).cells();
        GateResult r = GATE.compareStores("b", baseline, "c", candidate);
        GateRow d1 = r.rows().get(0);
        assertEquals(Verdict.NOT_EVIDENCE, d1.verdict());
        assertEquals("not evidence: baseline row did not learn (1 of 3 seeds)", d1.note());
        assertTrue(Double.isNaN(d1.pValue()) && Double.isNaN(d1.pWorse()) && Double.isNaN(d1.pBetter()));
        // one row in the family, so Holm leaves d2's one-sided p as it is (it would double with two)
        GateRow d2 = r.rows().get(1);
        double t = -0.09 / (0.01 / Math.sqrt(3));
        assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), d2.pWorse(), 1e-9);
        assertEquals(Verdict.WORSE, d2.verdict());

        GateResult only = GATE.compareStores("b", new FakeCells().seeds("m", "d", "auroc", 0.80, 0.82, 0.84)
                .notLearned("m", "d", 3).cells(), "c", cells("auroc", 0.50, 0.51, 0.52));
        assertTrue(only.passed(), "not evidence does not fail the gate");
        String text = GateText.table(only);
        assertTrue(text.contains("not evidence: baseline row did not learn") && text.contains("1 not evidence"), text);
        String json = GateText.json(only);
        assertTrue(json.contains("\"verdict\" : \"NOT_EVIDENCE\"") && json.contains("\"not_evidence\" : 1")
                && json.contains("not evidence: baseline row did not learn"), json);
    }

    @Test
    void aBaselineStoredWithoutVerdictsIsNotEvidenceAndSaysSo() {
        // cells written before schema 2 carry no verdict: they count as not learned, and the note says why
        FakeCells old = new FakeCells().seeds("m", "d", "auroc", 0.80, 0.82, 0.84);
        for (long seed = 1; seed <= 3; seed++) {
            old.verdict("m", "d", seed, null);
        }
        GateResult r = GATE.compareStores("b", old.cells(), "c", cells("auroc", 0.80, 0.82, 0.84));
        assertEquals(Verdict.NOT_EVIDENCE, r.rows().get(0).verdict());
        assertEquals("not evidence: baseline row did not learn (3 of 3 seeds, 3 without a verdict)", r.rows().get(0).note());
        assertEquals("no (3/3)", r.rows().get(0).baselineLearned());
    }

    @Test
    void methodAgainstMethodIsNotEvidenceWhenEitherRowDidNotLearn() {
        FakeCells cells = new FakeCells().seeds("new", "d", "auroc", 0.60, 0.61, 0.62)
                .seeds("x", "d", "auroc", 0.80, 0.82, 0.84).notLearned("x", "d", 1);
        GateResult r = GATE.compareMethods("f", cells.cells(), "new", "f", cells.cells(), "x");
        assertEquals(Verdict.NOT_EVIDENCE, r.rows().get(0).verdict());
        assertEquals("not evidence: x did not learn (1 of 3 seeds)", r.rows().get(0).note());
        assertTrue(r.passed());

        cells = new FakeCells().seeds("new", "d", "auroc", 0.60, 0.61, 0.62).notLearned("new", "d", 2)
                .notLearned("new", "d", 3).seeds("x", "d", "auroc", 0.80, 0.82, 0.84);
        r = GATE.compareMethods("f", cells.cells(), "new", "f", cells.cells(), "x");
        assertEquals(Verdict.NOT_EVIDENCE, r.rows().get(0).verdict());
        assertEquals("not evidence: new did not learn (2 of 3 seeds)", r.rows().get(0).note());
    }

    @Test
    void aFloorIsEvidenceForTheGate() {
        List<io.kdbench.store.CellRecord> floor = new FakeCells().seeds("prior", "d", "auroc", 0.50, 0.52, 0.54)
                .role("prior", io.kdbench.api.Role.FLOOR).cells();
        GateResult r = GATE.compareStores("b", floor, "c", floor);
        assertEquals(Verdict.SAME, r.rows().get(0).verdict());
        assertEquals("floor", r.rows().get(0).baselineLearned());
    }
}
