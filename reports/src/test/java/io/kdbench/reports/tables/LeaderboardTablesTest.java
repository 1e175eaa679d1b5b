package io.kdbench.reports.tables;

import io.kdbench.api.Role;
import io.kdbench.learning.LearningVerdict;
import io.kdbench.reports.FakeCells;
import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.Reported;
import io.kdbench.store.CellStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaderboardTablesTest {
    private static final Leaderboard BOARD = Leaderboard.of(new FakeCells()
            .seeds("kd", "toy", "hd95[monai]", 2.0, 2.1, 2.2)
            .seeds("base", "toy", "hd95[monai]", 5.0, 5.3, 5.1).cells(), MetricDirections.lowerIsBetter("hd95[monai]"));

    @Test
    void markdownBoldsTheSignificantBestAndShowsTheReportedValue() {
        String md = LeaderboardTables.render(BOARD, new Reported(Map.of("kd/toy/hd95[monai]", 1.9)), TableFormat.MARKDOWN);
        // mean 2.1, sd 0.1, CI 2.1 -+ 4.302653 * 0.1 / sqrt 3 = [1.852, 2.348]
        assertTrue(md.contains("| kd | **2.100 ± 0.100 [1.852, 2.348]** (paper 1.900) | yes |"), md);
        assertTrue(md.contains("| base | 5.133 ± 0.153 [4.754, 5.513] | yes |"), md);
        assertTrue(md.contains("| method | hd95[monai] ↓ | learned |\n| --- | --- | --- |"), md);
    }

    @Test
    void latexIsBooktabsWithEscapedNames() {
        String tex = LeaderboardTables.render(BOARD, Reported.NONE, TableFormat.LATEX);
        assertTrue(tex.contains("\\toprule\nmethod & \\begin{tabular}[t]{@{}c@{}}hd95{[}monai{]}\\\\ $\\downarrow$\\end{tabular} "
                + "& learned \\\\\n\\midrule\n"), tex);
        // mean ± sd on the first line, the interval smaller on the second
        assertTrue(tex.contains("kd & \\begin{tabular}[t]{@{}r@{}}\\textbf{2.100 $\\pm$ 0.100}\\\\ \\scriptsize [1.852, 2.348]"
                + "\\end{tabular} & yes \\\\"), tex);
        assertTrue(tex.contains("\\resizebox{\\ifdim\\width>\\textwidth\\textwidth\\else\\width\\fi}{!}{%"), tex);
        assertTrue(tex.contains("\\bottomrule"), tex);
        assertEquals("a\\_b \\& c\\%", LeaderboardTables.tex("a_b & c%"));
    }

    @Test
    void tidyTablesHaveOneObservationPerRowAndNaAsMissing() {
        FakeCells cells = new FakeCells().ok("m", "d", 1, Map.of("auroc", Double.NaN)).ok("m", "d", 2, Map.of("auroc", 0.5));
        String perSeed = TidyTables.perSeed(cells.cells());
        assertEquals("""
                method,dataset,seed,metric,class,value,n_valid,n_penalised,n_cases
                m,d,1,auroc,mean,NA,0,0,10
                m,d,2,auroc,mean,0.5,10,0,10
                """, perSeed);
        String perCase = TidyTables.perCase(cells.cells());
        assertTrue(perCase.startsWith("method,dataset,seed,metric,case,class,value\nm,d,1,auroc,case-0,mean,NA\n"), perCase);
        assertEquals(1 + 6, perCase.lines().count());
    }
    @Test
    void learningCsvHasOneLinePerScoredCellWithItsVerdict() {
        FakeCells cells = new FakeCells().ok("m", "d", 1, Map.of("auroc", 0.8)).ok("m", "d", 2, Map.of("auroc", 0.4))
                .ok("prior", "d", 1, Map.of("auroc", 0.5)).role("prior", Role.FLOOR)
                .notScored(CellStatus.FAILED, "x", "d", 1, "loss diverged")
                .ok("seg", "d", 1, Map.of("dice", 0.1)).ok("old", "d", 1, Map.of("auroc", 0.6));
        cells.verdict("m", "d", 2, new LearningVerdict(LearningVerdict.Status.NOT_LEARNED, "auroc", 0.45, 0.5, 0.68, 0.69, "x"))
                .verdict("seg", "d", 1, new LearningVerdict(LearningVerdict.Status.NOT_LEARNED, "dice", 0.2, 0.3,
                        Double.NaN, Double.NaN, "segmentation: no training loss"))
                .verdict("old", "d", 1, null);
        assertEquals("""
                method,dataset,seed,role,status,metric,validation,floor_validation,train_loss,prior_entropy
                m,d,1,competitor,learned,auroc,0.8,0.5,0.3,0.69
                m,d,2,competitor,not_learned,auroc,0.45,0.5,0.68,0.69
                old,d,1,competitor,NA,NA,NA,NA,NA,NA
                prior,d,1,floor,floor,auroc,0.5,0.5,0.69,0.69
                seg,d,1,competitor,not_learned,dice,0.2,0.3,NA,NA
                """, TidyTables.learning(cells.cells()));
    }
}
