package io.kdbench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PairedComparisonTest {

    @Test
    void allPositiveDifferencesByHand() {
        // d = 1, 2, 3, 4, 6: mean 3.2, sd sqrt(3.7), t = 3.2 / (sqrt(3.7)/sqrt(5))
        double[] baseline = {10, 10, 10, 10, 10};
        double[] method = {11, 12, 13, 14, 16};
        PairedComparison c = PairedComparison.of(method, baseline);
        assertEquals(3.2, c.meanDifference(), 1e-12);
        assertEquals(3.2 / (Math.sqrt(3.7) / Math.sqrt(5)), c.t(), 1e-9);
        assertEquals(3.2 / Math.sqrt(3.7), c.cohensDz(), 1e-12);
        // exact signed-rank: W+ = 15 is the most extreme of 2^5 sign patterns; two-sided p = 2/32
        assertEquals(15, c.wilcoxonW(), 0);
        assertEquals(2.0 / 32, c.wilcoxonPValue(), 1e-12);
        assertEquals(1.0, c.rankBiserial(), 0);
        // t = 3.7199 with 4 df: two-sided p ~ 0.0205 (t tables: 3.747 at p = 0.02)
        assertEquals(0.0205, c.tPValue(), 5e-4);
    }

    @Test
    void zeroDifferencesAreDroppedFromTheSignedRankTest() {
        // d = 0, 1, 2, 3, 4, 6: without the zero W+ = 1+2+3+4+5 = 15; keeping it (Pratt) would give 20
        PairedComparison c = PairedComparison.of(new double[] {10, 11, 12, 13, 14, 16}, new double[] {10, 10, 10, 10,
                10, 10});
        assertEquals(15, c.wilcoxonW(), 0);
        assertEquals(2.0 / 32, c.wilcoxonPValue(), 1e-12); // exact over the 5 non-zero pairs
        assertEquals(1.0, c.rankBiserial(), 0);
    }

    @Test
    void rankBiserialWithTiesAndZerosByHand() {
        // d = 0, 1, -1, 2, 3: zero dropped; |d| ranks 1.5, 1.5, 3, 4 -> W+ = 1.5+3+4 = 8.5, W- = 1.5
        assertEquals((8.5 - 1.5) / 10, PairedComparison.rankBiserial(new double[] {0, 1, -1, 2, 3}), 1e-12);
    }

    @Test
    void holmStepDown() {
        // sorted p 0.01, 0.02, 0.03, 0.5: x4, x3, x2, x1 -> 0.04, 0.06, 0.06 (running max), 0.5
        assertArrayEquals(new double[] {0.06, 0.04, 0.5, 0.06}, Holm.adjust(new double[] {0.03, 0.01, 0.5, 0.02}),
                1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(new double[] {0.6, 0.9}), 0);
    }
}
