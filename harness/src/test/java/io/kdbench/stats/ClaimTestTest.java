package io.kdbench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Claims on known paired differences. With 3 seeds (2 df) Student's t has closed forms: the two-sided p of t is
 * 1 - |t| / sqrt(t^2 + 2), and the q-quantile is c sqrt(2 / (1 - c^2)) with c = 2q - 1, so t(0.975, 2) = sqrt(18.5128...)
 * = 4.302653 and t(0.8, 2) = sqrt(1.125) = 1.060660.
 */
class ClaimTestTest {
    private static final double T975 = 0.95 * Math.sqrt(2 / (1 - 0.95 * 0.95));
    private static final double T80 = 0.6 * Math.sqrt(2 / (1 - 0.6 * 0.6));

    /** Two-sided p of t on 2 degrees of freedom. */
    static double p2(double t) {
        return 1 - Math.abs(t) / Math.sqrt(t * t + 2);
    }

    @Test
    void closedFormsMatchTheTables() {
        assertEquals(4.302653, T975, 1e-6);
        assertEquals(1.060660, T80, 1e-6);
    }

    @Test
    void aClearGainIsReproducedWithItsIntervalPAndMinimumDetectableEffect() {
        // d = 0.02, 0.03, 0.04: mean 0.03, sd 0.01, se 0.01 / sqrt(3), t = 5.196
        ClaimTest t = ClaimTest.of(new double[] {0.02, 0.03, 0.04}, 0);
        double se = 0.01 / Math.sqrt(3);
        assertEquals(3, t.n());
        assertEquals(0.03, t.meanDifference(), 1e-12);
        assertEquals(0.03 - T975 * se, t.interval().lower(), 1e-9);
        assertEquals(0.03 + T975 * se, t.interval().upper(), 1e-9);
        assertEquals(p2(0.03 / se), t.pValue(), 1e-9);
        assertEquals(0.035099, t.pValue(), 1e-6);
        // MDE = (4.302653 + 1.060660) x 0.01 / sqrt(3) = 0.030965
        assertEquals(0.030965, t.minimumDetectableEffect(), 1e-6);
        assertEquals(ClaimVerdict.REPRODUCED, t.verdict(t.pValue()));
        assertEquals(ClaimVerdict.INCONCLUSIVE, t.verdict(0.0702), "Holm's adjusted p decides, not the raw one");
    }

    @Test
    void aClearLossContradictsAClaimOfBetter() {
        ClaimTest t = ClaimTest.of(new double[] {-0.02, -0.03, -0.04}, 0);
        assertEquals(0.035099, t.pValue(), 1e-6);
        assertEquals(ClaimVerdict.CONTRADICTED, t.verdict(t.pValue()));
    }

    @Test
    void differencesOfBothSignsAreInconclusive() {
        ClaimTest t = ClaimTest.of(new double[] {0.01, -0.02, 0.03}, 0);
        assertEquals(ClaimVerdict.INCONCLUSIVE, t.verdict(t.pValue()));
        assertEquals(true, t.interval().contains(0));
    }

    @Test
    void notWorseIsTestedAgainstMinusTheMarginSoItsPAgreesWithTheInterval() {
        // d = -0.01, -0.005, 0: mean -0.005, sd 0.005; against -0.03: t = 0.025 / (0.005 / sqrt(3)) = 8.660
        ClaimTest within = ClaimTest.of(new double[] {-0.01, -0.005, 0.0}, -0.03);
        assertEquals(p2(0.025 / (0.005 / Math.sqrt(3))), within.pValue(), 1e-9);
        assertEquals(0.013072, within.pValue(), 1e-6);
        assertEquals(true, within.interval().lower() > -0.03);
        assertEquals(ClaimVerdict.REPRODUCED, within.verdict(within.pValue()));
        // worse by 0.07 with a margin of 0.03: the interval lies below -0.03
        ClaimTest beyond = ClaimTest.of(new double[] {-0.06, -0.07, -0.08}, -0.03);
        assertEquals(true, beyond.interval().upper() < -0.03);
        assertEquals(0.020204, beyond.pValue(), 1e-6);
        assertEquals(ClaimVerdict.CONTRADICTED, beyond.verdict(beyond.pValue()));
        // an interval that straddles -0.03
        ClaimTest straddles = ClaimTest.of(new double[] {-0.08, -0.01, 0.02}, -0.03);
        assertEquals(true, straddles.interval().contains(-0.03));
        assertEquals(ClaimVerdict.INCONCLUSIVE, straddles.verdict(straddles.pValue()));
    }

    @Test
    void theSameDifferenceOnEverySeedIsDecidedByItsSide() {
        ClaimTest t = ClaimTest.of(new double[] {0.01, 0.01, 0.01}, 0);
        assertEquals(0, t.pValue());
        assertEquals(0, t.minimumDetectableEffect());
        assertEquals(ClaimVerdict.REPRODUCED, t.verdict(0));
        assertEquals(1, ClaimTest.of(new double[] {-0.03, -0.03}, -0.03).pValue());
    }

    @Test
    void minimumDetectableEffectByHand() {
        // 5 seeds, sd 0.02: (t(0.975, 4) 2.776445 + t(0.8, 4) 0.940965) x 0.02 / sqrt(5)
        assertEquals((2.776445 + 0.940965) * 0.02 / Math.sqrt(5), ClaimTest.minimumDetectableEffect(0.02, 5), 1e-6);
    }

    @Test
    void oneSeedIsNotATest() {
        assertThrows(IllegalArgumentException.class, () -> ClaimTest.of(new double[] {0.1}, 0));
    }

    @Test
    void fewerParametersIsDecidedByTheCounts() {
        assertEquals(ClaimVerdict.REPRODUCED, ClaimVerdict.fewerParameters(400, 1000, Double.NaN));
        assertEquals(ClaimVerdict.REPRODUCED, ClaimVerdict.fewerParameters(400, 1000, 0.4));
        assertEquals(ClaimVerdict.CONTRADICTED, ClaimVerdict.fewerParameters(400, 1000, 0.3));
        assertEquals(ClaimVerdict.CONTRADICTED, ClaimVerdict.fewerParameters(1000, 1000, Double.NaN));
    }

    @Test
    void holmOverTheTestedClaimsLeavesTheOthersOut() {
        // sorted 0.01, 0.03, 0.04: x3 = 0.03, x2 = 0.06, x1 = 0.04 -> running max 0.03, 0.06, 0.06
        assertArrayEquals(new double[] {0.03, Double.NaN, 0.06, 0.06},
                Holm.adjustTested(new double[] {0.01, Double.NaN, 0.04, 0.03}), 1e-12);
        assertArrayEquals(new double[] {Double.NaN}, Holm.adjustTested(new double[] {Double.NaN}));
    }
}
