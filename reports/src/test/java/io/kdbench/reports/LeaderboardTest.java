package io.kdbench.reports;

import io.kdbench.stats.Interval;
import io.kdbench.store.CellStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaderboardTest {
    static final MetricDirections DIRECTIONS = MetricDirections.lowerIsBetter("hd95[monai]");

    @Test
    void meanSdAndTIntervalMatchHandComputedValues() {
        Leaderboard b = Leaderboard.of(new FakeCells().seeds("a", "d", "auroc", 0.80, 0.82, 0.84).cells(), DIRECTIONS);
        Leaderboard.Entry e = b.entry("a", "d", "auroc");
        assertEquals(0.82, e.mean(), 1e-12);
        assertEquals(0.02, e.sd(), 1e-12);
        // t(0.975, df 2) = 4.302653; half-width = 4.302653 * 0.02 / sqrt(3)
        Interval ci = e.ci();
        assertEquals(0.82 - 0.0496827, ci.lower(), 1e-6);
        assertEquals(0.82 + 0.0496827, ci.upper(), 1e-6);
        assertEquals(30, e.nValid());
        assertEquals(30, e.nCases());
        assertEquals(0, e.nPenalised());
    }

    @Test
    void bestOnlyWhenSignificantlyBetterThanTheRunnerUp() {
        FakeCells clear = new FakeCells().seeds("a", "d", "auroc", 0.90, 0.91, 0.93)
                .seeds("b", "d", "auroc", 0.80, 0.82, 0.84)
                .seeds("c", "d", "auroc", 0.60, 0.61, 0.62);
        // differences a - b = 0.10, 0.09, 0.09: t = 0.09333 / (0.005774 / sqrt 3) = 28.0, p = 0.0013
        assertEquals(Optional.of("a"), Leaderboard.of(clear.cells(), DIRECTIONS).best("d", "auroc"));

        FakeCells close = new FakeCells().seeds("a", "d", "auroc", 0.85, 0.80, 0.90)
                .seeds("b", "d", "auroc", 0.84, 0.83, 0.82);
        // differences 0.01, -0.03, 0.08: t = 0.02 / (0.05568 / sqrt 3) = 0.62, p = 0.60: the leader is not marked
        assertEquals(Optional.empty(), Leaderboard.of(close.cells(), DIRECTIONS).best("d", "auroc"));
    }

    @Test
    void lowerIsBetterMetricsRankTheSmallestFirst() {
        FakeCells cells = new FakeCells().seeds("a", "d", "hd95[monai]", 2.0, 2.1, 2.2)
                .seeds("b", "d", "hd95[monai]", 5.0, 5.3, 5.1);
        assertEquals(Optional.of("a"), Leaderboard.of(cells.cells(), DIRECTIONS).best("d", "hd95[monai]"));
    }

    @Test
    void undefinedSeedsAreCountedNotAveragedAndProblemsAreKept() {
        FakeCells cells = new FakeCells().seeds("a", "d", "auroc", 0.7, Double.NaN, 0.9)
                .notScored(CellStatus.SKIPPED, "seg", "d", 1, "needs a segmentation task")
                .notScored(CellStatus.FAILED, "b", "d", 2, "loss diverged");
        Leaderboard b = Leaderboard.of(cells.cells(), DIRECTIONS);
        Leaderboard.Entry e = b.entry("a", "d", "auroc");
        assertEquals(0.8, e.mean(), 1e-12);
        assertEquals(1, e.nanSeeds());
        assertEquals(20, e.nValid());
        assertEquals(30, e.nCases());
        assertEquals(2, b.problems().size());
        String text = b.renderText();
        assertTrue(text.contains("skipped seg / d / seed 1: needs a segmentation task"), text);
        assertTrue(text.contains("0.800 ± 0.141 (n=2) [1 NaN]"), text);
    }

    @Test
    void usesPerCellTrainTimeAndParameters() {
        FakeCells cells = new FakeCells().ok("a", "d", 1, Map.of("auroc", 0.5), 1234, 3.0, Map.of())
                .ok("a", "d", 2, Map.of("auroc", 0.6), 1234, 5.0, Map.of());
        Leaderboard b = Leaderboard.of(cells.cells(), DIRECTIONS);
        assertEquals(4.0, b.trainSeconds("a", "d"), 1e-12);
        assertEquals(Optional.of(1234L), b.parameterCount("a", "d"));
    }
}
