package io.kdbench.reports.model;

import io.kdbench.api.Role;
import io.kdbench.reports.FakeCells;
import io.kdbench.reports.tables.LeaderboardTables;
import io.kdbench.reports.tables.TableFormat;
import io.kdbench.stats.Interval;
import io.kdbench.store.CellStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    @Test
    void aRowThatDidNotLearnOnOneSeedIsMarkedInEveryTableAndKeepsItsPlace() {
        // b comes first in the experiment and did not learn on seed 2; a learned on every seed
        FakeCells cells = new FakeCells().seeds("b", "d", "auroc", 0.80, 0.82, 0.84).notLearned("b", "d", 2)
                .seeds("a", "d", "auroc", 0.90, 0.91, 0.93);
        Leaderboard board = Leaderboard.of(cells.cells(), DIRECTIONS);
        assertEquals(new RowLearning(false, false, 3, 1, 0), board.learning("b", "d"));
        assertEquals("no (1/3)", board.learning("b", "d").column());
        assertEquals("yes", board.learning("a", "d").column());

        String text = board.renderText();
        List<String> lines = text.lines().toList();
        String b = lines.stream().filter(l -> l.startsWith("b !")).findFirst().orElseThrow(() -> new AssertionError(text));
        assertTrue(b.endsWith("no (1/3)"), b);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("a ") && l.endsWith("yes")), text);
        assertTrue(text.indexOf("b !") < text.indexOf("\na "), "the experiment's order: " + text);
        assertTrue(text.contains("\n! did not learn on some seed (training loss above 0.8 x prior entropy or validation "
                + "score not above the label prior, for segmentation on some class too, or not judged): not evidence\n"), text);

        String md = LeaderboardTables.render(board, Reported.NONE, TableFormat.MARKDOWN);
        assertTrue(md.contains("| b ! | 0.820 ± 0.020 [0.770, 0.870] | no (1/3) |"), md);
        assertTrue(md.contains("! did not learn on some seed"), md);
        String tex = LeaderboardTables.render(board, Reported.NONE, TableFormat.LATEX);
        assertTrue(tex.contains("b ! & \\begin{tabular}[t]{@{}r@{}}0.820 $\\pm$ 0.020\\\\ \\scriptsize [0.770, 0.870]"
                + "\\end{tabular} & no (1/3) \\\\"), tex);
        assertTrue(tex.contains("% ! did not learn on some seed"), tex);
    }

    @Test
    void floorsAndUpperBoundsAreLabelled() {
        FakeCells cells = new FakeCells().seeds("prior", "d", "auroc", 0.5, 0.5, 0.5).role("prior", Role.FLOOR)
                .seeds("oracle", "d", "auroc", 0.97, 0.98, 0.99).role("oracle", Role.UPPER_BOUND)
                .seeds("a", "d", "auroc", 0.90, 0.91, 0.93);
        Leaderboard board = Leaderboard.of(cells.cells(), DIRECTIONS);
        assertEquals("floor", board.learning("prior", "d").column());
        assertEquals("prior (floor)", board.learning("prior", "d").label("prior"));
        assertEquals("oracle *", board.learning("oracle", "d").label("oracle"), "declared upper bound, no privileged data");
        assertTrue(board.upperBound("oracle"));
        String text = board.renderText();
        assertTrue(text.contains("prior (floor)") && text.contains("oracle *") && text.contains("* upper bound")
                && text.contains("(floor) a reference"), text);
        assertFalse(text.contains("! did not learn"), "no row failed to learn: " + text);
        String md = LeaderboardTables.render(board, Reported.NONE, TableFormat.MARKDOWN);
        assertTrue(md.contains("| prior (floor) | 0.500 ± 0.000 [0.500, 0.500] | floor |"), md);
    }

    @Test
    void bestSkipsANumericallyBestRowThatDidNotLearnAndGoesToTheLearnedRunnerUp() {
        FakeCells cells = new FakeCells().seeds("a", "d", "auroc", 0.95, 0.96, 0.98)
                .seeds("b", "d", "auroc", 0.90, 0.91, 0.93)
                .seeds("c", "d", "auroc", 0.80, 0.82, 0.84);
        // a - b = 0.05 on every seed: a leads when it learned
        assertEquals(Optional.of("a"), Leaderboard.of(cells.cells(), DIRECTIONS).best("d", "auroc"));
        // b - c = 0.10, 0.09, 0.09: t = 28.0, p = 0.0013 (as in bestOnlyWhenSignificantlyBetterThanTheRunnerUp)
        cells.notLearned("a", "d", 1);
        assertEquals(Optional.of("b"), Leaderboard.of(cells.cells(), DIRECTIONS).best("d", "auroc"));
    }

    @Test
    void floorsUpperBoundsAndRowsThatDidNotLearnNeitherGetNorBlockTheMark() {
        FakeCells cells = new FakeCells().seeds("prior", "d", "auroc", 0.99, 0.99, 0.99)
                .seeds("oracle", "d", "auroc", 0.97, 0.98, 0.99)
                .seeds("close", "d", "auroc", 0.90, 0.92, 0.92)
                .seeds("b", "d", "auroc", 0.90, 0.91, 0.93)
                .seeds("c", "d", "auroc", 0.80, 0.82, 0.84);
        // all competitors: prior - oracle = 0.02, 0.01, 0.00, p = 0.23: no mark
        assertEquals(Optional.empty(), Leaderboard.of(cells.cells(), DIRECTIONS).best("d", "auroc"));
        cells.role("prior", Role.FLOOR).role("oracle", Role.UPPER_BOUND);
        // b and close tie (differences 0, -0.01, +0.01): close blocks b's mark while it counts
        assertEquals(Optional.empty(), Leaderboard.of(cells.cells(), DIRECTIONS).best("d", "auroc"));
        cells.notLearned("close", "d", 3);
        assertEquals(Optional.of("b"), Leaderboard.of(cells.cells(), DIRECTIONS).best("d", "auroc"));
    }
}
