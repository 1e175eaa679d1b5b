package io.kdbench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FriedmanTest {

    @Test
    void demsarWorkedExample() {
        // Demšar 2006, section 3.2.2: four C4.5 variants on 14 data sets, average ranks 3.143, 2.000, 2.893,
        // 1.964 give chi2_F = 9.28, F_F = 3.69, and CD = 1.25 (alpha 0.05) and 1.12 (alpha 0.10)
        Friedman f = Friedman.fromAverageRanks(new double[] {3.143, 2.000, 2.893, 1.964}, 14);
        assertEquals(9.28, f.chiSquare(), 0.01);
        assertEquals(3.69, f.imanDavenportF(), 0.01);
        assertEquals(1.25, f.criticalDifference(0.05), 0.005);
        assertEquals(1.12, f.criticalDifference(0.10), 0.005);
        // F(3, 39) critical value at 0.05 is 2.85 (Demšar): 3.69 rejects
        assertEquals(true, f.imanDavenportPValue() < 0.05);
    }

    @Test
    void ranksAndStatisticFromScoresByHand() {
        // 3 datasets x 3 methods, higher is better
        double[][] scores = {{0.9, 0.8, 0.7}, {0.6, 0.6, 0.5}, {0.7, 0.9, 0.8}};
        Friedman f = Friedman.of(scores, true);
        assertArrayEquals(new double[] {1.5, 1.5, 3}, f.ranks()[1], 0);
        // average ranks: (1 + 1.5 + 3) / 3, (2 + 1.5 + 1) / 3, (3 + 3 + 2) / 3
        double[] avg = {5.5 / 3, 4.5 / 3, 8.0 / 3};
        assertArrayEquals(avg, f.averageRanks(), 1e-12);
        double sumSq = avg[0] * avg[0] + avg[1] * avg[1] + avg[2] * avg[2];
        assertEquals(12.0 * 3 / 12 * (sumSq - 3 * 16 / 4.0), f.chiSquare(), 1e-12);
    }

    @Test
    void averageRanksWithTies() {
        assertArrayEquals(new double[] {4, 2, 2, 2}, Ranks.average(new double[] {1, 5, 5, 5}, true), 0);
        assertArrayEquals(new double[] {1, 3, 3, 3}, Ranks.average(new double[] {1, 5, 5, 5}, false), 0);
    }
}
