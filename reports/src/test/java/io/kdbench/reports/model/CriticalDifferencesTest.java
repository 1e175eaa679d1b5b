package io.kdbench.reports.model;

import io.kdbench.reports.FakeCells;
import io.kdbench.reports.ReportWriter;
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
        String[] datasets = {"d1", "d2", "d3", "d4", "d5"};
        for (String d : datasets) {
            cells.seeds("best", d, "hd95[monai]", 1.0, 1.1).seeds("mid", d, "hd95[monai]", 2.0, 2.1)
                    .seeds("worst", d, "hd95[monai]", 3.0, 3.1);
        }
        cells.seeds("partial", "d1", "hd95[monai]", 0.5, 0.6);
        CriticalDifferences cd = CriticalDifferences.of(Leaderboard.of(cells.cells(), LeaderboardTest.DIRECTIONS), "hd95[monai]");
        assertEquals(List.of("best", "mid", "worst"), cd.methods());
        assertEquals(List.of("partial"), cd.left());
        assertArrayEquals(new double[] {1, 2, 3}, cd.friedman().orElseThrow().averageRanks(), 1e-12);
        // chi2_F = 12 * 5 / (3 * 4) * (1 + 4 + 9 - 3 * 16 / 4) = 10
        assertEquals(10.0, cd.friedman().orElseThrow().chiSquare(), 1e-12);
    }

    @Test
    void fewerThanFiveDatasetsGiveAReasonInsteadOfADiagram() {
        FakeCells cells = new FakeCells();
        for (String d : List.of("d1", "d2", "d3", "d4")) {
            cells.seeds("a", d, "auroc", 0.9, 0.8).seeds("b", d, "auroc", 0.7, 0.6).seeds("c", d, "auroc", 0.5, 0.4);
        }
        CriticalDifferences cd = CriticalDifferences.of(Leaderboard.of(cells.cells(), LeaderboardTest.DIRECTIONS), "auroc");
        assertTrue(cd.friedman().isEmpty());
        assertTrue(cd.reason().contains("at least 5 datasets"), cd.reason());
    }

    @Test
    void onOneDatasetFiveSeedsCanBeTheBlocks() throws java.io.IOException {
        // a beats b on 4 seeds of 5, both beat c: average ranks 1.2, 1.8, 3;
        // chi2_F = 12 * 5 / (3 * 4) * (1.44 + 3.24 + 9 - 12) = 8.4, p = exp(-4.2) = 0.0150; F_F = 4 * 8.4 / (10 - 8.4) = 21
        FakeCells cells = new FakeCells().seeds("a", "d", "auroc", 0.9, 0.91, 0.92, 0.93, 0.94)
                .seeds("b", "d", "auroc", 0.8, 0.81, 0.82, 0.83, 0.95).seeds("c", "d", "auroc", 0.7, 0.71, 0.72, 0.73, 0.74);
        Leaderboard board = Leaderboard.of(cells.cells(), LeaderboardTest.DIRECTIONS);
        assertTrue(CriticalDifferences.of(board, "auroc").friedman().isEmpty(), "one dataset: none across datasets");
        CriticalDifferences seeds = CriticalDifferences.overSeeds(board, "d", "auroc");
        assertEquals(List.of("seed 1", "seed 2", "seed 3", "seed 4", "seed 5"), seeds.blocks());
        assertEquals("seeds of d", seeds.blockKind());
        assertEquals(8.4, seeds.friedman().orElseThrow().chiSquare(), 1e-12);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cd-seeds");
        String html = java.nio.file.Files.readString(new ReportWriter(LeaderboardTest.DIRECTIONS).write(dir, "seeds",
                cells.cells(), Reported.NONE, "kdbench report"));
        assertTrue(html.contains("charts/cd-auroc-d.png"), html);
        assertTrue(html.contains("auroc: Friedman chi² = 8.40 (p = 0.0150), Iman-Davenport F = 21.00"), html);
        assertTrue(html.contains("5 seeds of d as blocks"), html);
        // 4 seeds are not enough
        FakeCells four = new FakeCells().seeds("a", "d", "auroc", 0.9, 0.91, 0.92, 0.93)
                .seeds("b", "d", "auroc", 0.8, 0.81, 0.82, 0.83).seeds("c", "d", "auroc", 0.7, 0.71, 0.72, 0.73);
        assertTrue(CriticalDifferences.overSeeds(Leaderboard.of(four.cells(), LeaderboardTest.DIRECTIONS), "d", "auroc")
                .reason().contains("needs at least 5 seeds"));
    }

    @Test
    void twoMethodsGiveAReasonInsteadOfADiagram() {
        // the case: Friedman over 2 methods says no more than the sign of each difference
        FakeCells cells = new FakeCells();
        for (String d : List.of("d1", "d2", "d3", "d4", "d5")) {
            cells.seeds("a", d, "auroc", 0.9, 0.8).seeds("b", d, "auroc", 0.7, 0.6);
        }
        CriticalDifferences cd = CriticalDifferences.of(Leaderboard.of(cells.cells(), LeaderboardTest.DIRECTIONS), "auroc");
        assertTrue(cd.friedman().isEmpty());
        assertTrue(cd.reason().contains("at least 3 methods"), cd.reason());
    }

    @Test
    void theDiagramStaysInsideItsCanvasEvenWhenTheCriticalDifferenceIsWide() throws Exception {
        // k = 3, N = 5: CD = 2.343 sqrt(12 / 30) = 1.48; long names
        Friedman f = Friedman.fromAverageRanks(new double[] {1.0, 2.4, 2.6}, 5);
        CriticalDifferenceDiagram d = new CriticalDifferenceDiagram("auroc: average rank over 5 datasets",
                List.of("a-method-with-a-rather-long-name", "another-long-method-name", "third-method-long-name"), f, 0.05);
        // drawn at (100, 100) on a larger white canvas: nothing may land outside its 400 px wide area
        int w = 400;
        int h = d.height();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w + 200, h + 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        d.draw(g, new java.awt.geom.Rectangle2D.Double(100, 100, w, h));
        g.dispose();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                boolean inside = x >= 100 && x < 100 + w && y >= 100 && y < 100 + h;
                if (!inside) {
                    assertEquals(0xFFFFFF, img.getRGB(x, y) & 0xFFFFFF, "drawn outside the canvas at " + x + "," + y);
                }
            }
        }
    }
}
