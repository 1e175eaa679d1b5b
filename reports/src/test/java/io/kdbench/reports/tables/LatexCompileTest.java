package io.kdbench.reports.tables;

import io.kdbench.reports.model.Leaderboard;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.Reported;
import io.kdbench.store.CellRecord;
import io.kdbench.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Compiles the LaTeX leaderboard of the committed quick baseline with {@code pdflatex} in a plain article: it must
 * compile without error and without an overfull box (every table fits the text width). Skipped, with a message,
 * when no pdflatex is found (Debian: {@code apt-get install texlive-latex-base texlive-latex-recommended}).
 */
class LatexCompileTest {
    static final Path BASELINE = Path.of("..", "results", "baselines", "quick");

    @TempDir
    Path dir;

    @Test
    void theQuickBaselinesLeaderboardCompilesAndFitsThePage() throws Exception {
        Optional<Path> pdflatex = find("pdflatex");
        assumeTrue(pdflatex.isPresent(), "no pdflatex found: LaTeX compile check skipped (install it: apt-get install "
                + "texlive-latex-base texlive-latex-recommended)");
        List<CellRecord> cells = new ResultsStore(BASELINE).latestPerSpec();
        assertFalse(cells.isEmpty(), "baseline cells in " + BASELINE.toAbsolutePath());
        Leaderboard board = Leaderboard.of(cells, MetricDirections.load());
        String tables = LeaderboardTables.render(board, Reported.NONE, TableFormat.LATEX);
        Files.writeString(dir.resolve("leaderboard.tex"), tables);
        Files.writeString(dir.resolve("paper.tex"), """
                \\documentclass{article}
                \\usepackage[T1]{fontenc}
                \\usepackage{booktabs}
                \\usepackage{graphicx}
                \\begin{document}
                \\input{leaderboard.tex}
                \\end{document}
                """);
        Process p = new ProcessBuilder(pdflatex.get().toString(), "-interaction=nonstopmode", "-halt-on-error", "paper.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex did not finish in 120 s");
        String log = Files.readString(dir.resolve("out.txt"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(Files.size(dir.resolve("paper.pdf")) > 1000, log);
        assertFalse(log.contains("Overfull \\hbox"), log);
        // one table per dataset, and no column without a defined value: localization only where maps are stored
        String[] perDataset = tables.split("\\\\begin\\{table}");
        assertEquals(board.datasets().size(), perDataset.length - 1);
        for (String table : perDataset) {
            if (table.contains("\\caption{skin-pairs") || table.contains("\\caption{rgbd-incomplete")) {
                assertFalse(table.substring(table.indexOf("\\toprule")).contains("loc-"), table); // named in the caption only
            } else if (table.contains("\\caption{cxr-report")) {
                assertTrue(table.contains("loc-auroc"), table);
            }
        }
    }

    static Optional<Path> find(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
