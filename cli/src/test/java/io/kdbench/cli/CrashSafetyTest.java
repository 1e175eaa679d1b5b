package io.kdbench.cli;

import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's promises under kill -9 and under two concurrent runs, with real processes. */
class CrashSafetyTest {
    @TempDir
    Path dir;

    private static final String GRID = """
            seeds: [1, 2]
            metrics: [accuracy, auroc]
            equal_budgets: false
            methods:
              - id: vit-student
                params: {steps: 4, batch_size: 16, width: 8, heads: 2, depth: 1}
              - id: vit-student
                label: vit-3
                params: {steps: 6, batch_size: 16, width: 8, heads: 2, depth: 1}
              - id: vit-student
                label: vit-4
                params: {steps: 8, batch_size: 16, width: 8, heads: 2, depth: 1}
            datasets:
              - id: toy-blobs
                params: {size: 16, n_train: 32, n_val: 4, n_test: 16}
            """;

    private Path experiment() throws IOException {
        Path f = dir.resolve("grid.yaml");
        Files.writeString(f, "name: grid\noutput: " + dir.resolve("out") + "\n" + GRID);
        return f;
    }

    @Test
    void killedRunsResumeWithNoCellMissingDuplicatedOrCorrupt() throws Exception {
        Path f = experiment();
        Random random = new Random(42);
        for (int kill = 0; kill < 3; kill++) {
            Process p = GridProcesses.start(dir.resolve("kill" + kill + ".log"), "run", "--quiet", f.toString());
            Thread.sleep(2000 + random.nextInt(4000));
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, as kill -9
            p.waitFor(30, TimeUnit.SECONDS);
        }
        Process last = GridProcesses.start(dir.resolve("final.log"), "run", "--quiet", f.toString());
        assertTrue(last.waitFor(5, TimeUnit.MINUTES), "the final run finishes");
        assertEquals(0, last.exitValue(), Files.readString(dir.resolve("final.log")));
        checkCompleteStore(dir.resolve("out"));
    }

    @Test
    void twoRunsOnOneStoreSplitTheGrid() throws Exception {
        Path f = experiment();
        Process a = GridProcesses.start(dir.resolve("a.log"), "run", "--quiet", f.toString());
        Process b = GridProcesses.start(dir.resolve("b.log"), "run", "--quiet", f.toString());
        assertTrue(a.waitFor(5, TimeUnit.MINUTES) && b.waitFor(5, TimeUnit.MINUTES));
        String logA = Files.readString(dir.resolve("a.log"));
        String logB = Files.readString(dir.resolve("b.log"));
        assertEquals(0, a.exitValue(), logA);
        assertEquals(0, b.exitValue(), logB);
        assertEquals(6, computed(logA) + computed(logB), "each cell computed exactly once:\n" + logA + "\n" + logB);
        assertTrue(logA.contains("6 cells") && logB.contains("6 cells"), "both print the full leaderboard");
        checkCompleteStore(dir.resolve("out"));
    }

    private static int computed(String log) {
        Matcher m = Pattern.compile("(\\d+) computed").matcher(log);
        assertTrue(m.find(), log);
        return Integer.parseInt(m.group(1));
    }

    private static void checkCompleteStore(Path out) throws IOException {
        List<CellRecord> cells = new ResultsStore(out).readAll();
        assertEquals(6, cells.size(), "one cell per method x seed");
        Set<String> keys = cells.stream().map(c -> c.spec().method() + "/" + c.spec().seed()).collect(Collectors.toSet());
        assertEquals(6, keys.size(), "no duplicates");
        assertTrue(cells.stream().allMatch(c -> c.status() == CellStatus.OK));
        try (Stream<Path> files = Files.list(out.resolve(ResultsStore.CELLS))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().allMatch(n -> n.endsWith(".json") && !n.startsWith(".")),
                    "no temporary or claim files left: " + names);
        }
    }
}
