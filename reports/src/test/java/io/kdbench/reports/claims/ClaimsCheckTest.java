package io.kdbench.reports.claims;

import io.kdbench.experiment.Claim;
import io.kdbench.reports.FakeCells;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.stats.ClaimVerdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Claims on constructed cells with known paired values (3 seeds, so 2 df, where the two-sided p of t is
 * 1 - |t| / sqrt(t^2 + 2)): one of each verdict, Holm over the tested claims, a lower-is-better metric.
 */
class ClaimsCheckTest {
    private static final MetricDirections DIRECTIONS = MetricDirections.lowerIsBetter("hd95");

    static Claim claim(String id, String metric, String row, String against, Claim.Expect expect, double margin) {
        return new Claim(id, "paper", "text of " + id, "d", metric, row, against, expect, margin, Double.NaN);
    }

    static Claim better(String id, String row, String against) {
        return claim(id, "accuracy", row, against, Claim.Expect.BETTER, Double.NaN);
    }

    static double p2(double t) {
        return 1 - Math.abs(t) / Math.sqrt(t * t + 2);
    }

    /** Accuracy over seeds 1-3 on dataset d; "nl" did not learn on seed 2. */
    static FakeCells cells() {
        return new FakeCells()
                .seeds("a", "d", "accuracy", 0.90, 0.91, 0.92)
                .seeds("b", "d", "accuracy", 0.80, 0.80, 0.80)
                .seeds("c", "d", "accuracy", 0.81, 0.78, 0.83)
                .seeds("e", "d", "accuracy", 0.79, 0.795, 0.80)
                .seeds("nl", "d", "accuracy", 0.95, 0.95, 0.96)
                .notLearned("nl", "d", 2);
    }

    @Test
    void eachVerdictWithHolmOverTheTestedClaims() {
        List<Claim> claims = List.of(
                better("a-better", "a", "b"),                                          // d = .10, .11, .12
                better("b-better", "b", "a"),                                          // d = -.10, -.11, -.12
                better("c-better", "c", "b"),                                          // d = .01, -.02, .03
                claim("e-not-worse", "accuracy", "e", "b", Claim.Expect.NOT_WORSE, 0.03), // d = -.01, -.005, 0
                better("nl-better", "nl", "b"),
                better("ghost-better", "ghost", "b"));
        List<ClaimResult> r = ClaimsCheck.of(claims, cells().cells(), DIRECTIONS);
        double pA = p2(0.11 / (0.01 / Math.sqrt(3)));                 // 0.0027435
        double sdC = Math.sqrt((Math.pow(0.01 - 0.02 / 3, 2) + Math.pow(-0.02 - 0.02 / 3, 2) + Math.pow(0.03 - 0.02 / 3, 2)) / 2);
        double pC = p2((0.02 / 3) / (sdC / Math.sqrt(3)));           // 0.6914
        double pE = p2(0.025 / (0.005 / Math.sqrt(3)));               // 0.013072, tested against -0.03
        assertEquals(pA, r.get(0).pValue(), 1e-6);
        assertEquals(pC, r.get(2).pValue(), 1e-6);
        assertEquals(pE, r.get(3).pValue(), 1e-6);
        // Holm over the 4 tested claims: pA x 4, pA x 3, pE x 2, pC x 1, as a running max
        assertEquals(4 * pA, r.get(0).holmP(), 1e-6);
        assertEquals(4 * pA, r.get(1).holmP(), 1e-6);
        assertEquals(2 * pE, r.get(3).holmP(), 1e-6);
        assertEquals(pC, r.get(2).holmP(), 1e-6);
        assertEquals(List.of(ClaimVerdict.REPRODUCED, ClaimVerdict.CONTRADICTED, ClaimVerdict.INCONCLUSIVE,
                ClaimVerdict.REPRODUCED, ClaimVerdict.NOT_EVIDENCE, ClaimVerdict.INCONCLUSIVE),
                r.stream().map(ClaimResult::verdict).toList());
        assertEquals(0.11, r.get(0).meanDifference(), 1e-9);
        assertEquals(3, r.get(0).n());
        assertTrue(r.get(3).interval().lower() > -0.03, "within the margin");
        ClaimResult notLearned = r.get(4);
        assertTrue(Double.isNaN(notLearned.pValue()) && Double.isNaN(notLearned.holmP()), "not tested");
        assertEquals("not evidence: nl did not learn (1 of 3 seeds)", notLearned.reason());
        assertEquals("no scored cell of ghost on d", r.get(5).reason());
    }

    @Test
    void aLowerIsBetterMetricIsSignedSoThatPlusMeansTheRowIsBetter() {
        FakeCells cells = new FakeCells().seeds("hdc", "d", "hd95", 2.0, 2.1, 2.2).seeds("mt", "d", "hd95", 2.1, 2.3, 2.3);
        ClaimResult r = ClaimsCheck.of(List.of(claim("hd95", "hd95", "hdc", "mt", Claim.Expect.BETTER, Double.NaN)),
                cells.cells(), DIRECTIONS).get(0);
        assertEquals((0.1 + 0.2 + 0.1) / 3, r.meanDifference(), 1e-9);
        assertTrue(r.meanDifference() > 0);
    }

    @Test
    void fewerParametersIsDecidedByTheStoredCountsWithoutATest() {
        FakeCells cells = new FakeCells();
        for (long seed = 1; seed <= 3; seed++) {
            cells.ok("small", "d", seed, Map.of("accuracy", 0.8), 400, 1, Map.of());
            cells.ok("big", "d", seed, Map.of("accuracy", 0.8), 1000, 1, Map.of());
        }
        Claim fewer = new Claim("fewer", "paper", "text", "d", Claim.PARAMETERS, "small", "big",
                Claim.Expect.FEWER_PARAMETERS, Double.NaN, Double.NaN);
        Claim fraction = new Claim("fraction", "paper", "text", "d", Claim.PARAMETERS, "small", "big",
                Claim.Expect.FEWER_PARAMETERS, Double.NaN, 0.3);
        List<ClaimResult> r = ClaimsCheck.of(List.of(fewer, fraction), cells.cells(), DIRECTIONS);
        assertEquals(ClaimVerdict.REPRODUCED, r.get(0).verdict());
        assertEquals("400 vs 1,000 parameters: 0.40x", r.get(0).reason());
        assertEquals(ClaimVerdict.CONTRADICTED, r.get(1).verdict());
        assertEquals("400 vs 1,000 parameters: 0.40x (claimed: at most 0.30x)", r.get(1).reason());
        assertTrue(Double.isNaN(r.get(0).pValue()) && Double.isNaN(r.get(0).holmP()));
        assertEquals(400, r.get(0).rowParameters());
    }

    @Test
    void oneSharedSeedIsInconclusive() {
        FakeCells cells = new FakeCells().seeds("a", "d", "accuracy", 0.9, Double.NaN).seeds("b", "d", "accuracy", 0.8, 0.8);
        ClaimResult r = ClaimsCheck.of(List.of(better("one", "a", "b")), cells.cells(), DIRECTIONS).get(0);
        assertEquals(ClaimVerdict.INCONCLUSIVE, r.verdict());
        assertEquals("1 paired seed(s) with a defined accuracy; a paired test needs 2", r.reason());
    }

    @Test
    void theCsvHasALineAClaimWithNaAsMissing() {
        List<ClaimResult> r = ClaimsCheck.of(List.of(better("a-better", "a", "b"), better("nl-better", "nl", "b")),
                cells().cells(), DIRECTIONS);
        List<String> lines = ClaimsTables.csv(r).lines().toList();
        assertEquals("id,paper,dataset,metric,expect,margin,at_most_fraction,row,against,n_seeds,mean_difference,lower,"
                + "upper,p,holm_p,mde,row_parameters,against_parameters,verdict,reason,text", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("a-better,paper,d,accuracy,better,NA,NA,a,b,3,0.1"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",1000,1000,reproduced,\"Holm p < 0.05, mean above 0\",text of a-better"),
                lines.get(1));
        assertTrue(lines.get(2).contains(",NA,NA,") && lines.get(2).contains(",not evidence,"), lines.get(2));
    }
}
