package io.kdbench.reports;

import io.kdbench.reports.charts.CriticalDifferenceDiagram;
import io.kdbench.stats.Friedman;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CriticalDifferencesTest {
    @Test
    void cliquesJoinMethodsCloserThanTheCriticalDifference() {
        // k = 4, N = 14: CD = 2.569 sqrt(4 * 5 / (6 * 14)) = 1.2536 (Demšar 2006, section 3.2.2)
        Friedman f = Friedman.fromAverageRanks(new double[] {1.2, 2.0, 3.0, 3.8}, 14);
        CriticalDifferenceDiagram d = new CriticalDifferenceDiagram("t", List.of("a", "b", "c", "d"), f, 0.05);
        assertEquals(1.2536, d.criticalDifference(), 1e-4);
        List<int[]> cliques = d.cliques();
        assertEquals(3, cliques.size());
        assertArrayEquals(new int[] {0, 1}, cliques.get(0));
        assertArrayEquals(new int[] {1, 2}, cliques.get(1));
        assertArrayEquals(new int[] {2, 3}, cliques.get(2));
    }

    @Test
    void friedmanOverDatasetsFromTheLeaderboardWithRanksByDirection() {
        FakeCells cells = new FakeCells();
        String[] datasets = {"d1", "d2", "d3"};
        for (String d : datasets) {
            cells.seeds("best", d, "hd95[monai]", 1.0, 1.1).seeds("mid", d, "hd95[monai]", 2.0, 2.1)
                    .seeds("worst", d, "hd95[monai]", 3.0, 3.1);
        }
        cells.seeds("partial", "d1", "hd95[monai]", 0.5, 0.6);
        CriticalDifferences cd = CriticalDifferences.of(Leaderboard.of(cells.cells(), LeaderboardTest.DIRECTIONS), "hd95[monai]");
        assertEquals(List.of("best", "mid", "worst"), cd.methods());
        assertEquals(List.of("partial"), cd.left());
        assertArrayEquals(new double[] {1, 2, 3}, cd.friedman().orElseThrow().averageRanks(), 1e-12);
        // chi2_F = 12 * 3 / (3 * 4) * (1 + 4 + 9 - 3 * 16 / 4) = 6
        assertEquals(6.0, cd.friedman().orElseThrow().chiSquare(), 1e-12);
    }

    @Test
    void oneDatasetGivesAReasonInsteadOfADiagram() {
        FakeCells cells = new FakeCells().seeds("a", "d", "auroc", 0.9, 0.8).seeds("b", "d", "auroc", 0.7, 0.6);
        CriticalDifferences cd = CriticalDifferences.of(Leaderboard.of(cells.cells(), LeaderboardTest.DIRECTIONS), "auroc");
        assertTrue(cd.friedman().isEmpty());
        assertTrue(cd.reason().contains("at least 2 datasets"), cd.reason());
    }
}
