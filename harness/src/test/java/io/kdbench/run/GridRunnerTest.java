package io.kdbench.run;

import io.kdbench.env.Environment;
import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import io.kdbench.testing.FakeMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridRunnerTest {
    @TempDir
    Path dir;

    private final Registries registries = Registries.load();
    private final Environment env = new Environment("test", "abc", false, "17", "linux", "cpu", 2, "none",
            Map.of(), Map.of(), "code0");

    private Experiment experiment(String extra) throws IOException {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, """
                name: grid
                seeds: [1, 2, 3]
                metrics: [accuracy, auroc]
                methods:
                  - fake-method
                  - id: fake-method
                    label: fake-diverging
                    params: {diverge: true}
                datasets:
                  - fake-data
                  - id: fake-data
                    label: fake-seg
                    params: {task: segmentation}
                """ + extra);
        return new ExperimentLoader(registries).load(f);
    }

    private GridRunner.Outcome run(Experiment e, boolean force) throws IOException {
        return new GridRunner(registries, new ResultsStore(dir.resolve("out")), new CellRunner(registries, env, null, "test"),
                GridProgress.SILENT).run(e, force);
    }

    @Test
    void parallelCellsAreIdenticalToOneAtATime() throws IOException {
        Experiment e = experiment("");
        GridRunner.Outcome one = new GridRunner(registries, new ResultsStore(dir.resolve("one")),
                new CellRunner(registries, env, null, "test"), GridProgress.SILENT).run(e, false, 1);
        GridRunner.Outcome three = new GridRunner(registries, new ResultsStore(dir.resolve("three")),
                new CellRunner(registries, env, null, "test"), GridProgress.SILENT).run(e, false, 3);
        assertEquals(12, three.computed());
        assertEquals(one.cells().size(), three.cells().size());
        for (int i = 0; i < one.cells().size(); i++) {
            CellRecord a = one.cells().get(i);
            CellRecord b = three.cells().get(i);
            assertEquals(a.hash(), b.hash(), "same cell at the same place in grid order");
            assertEquals(a.status(), b.status());
            assertEquals(a.metrics(), b.metrics(), a.spec().describeCell());
            assertEquals(a.curves(), b.curves());
            assertEquals(a.learning(), b.learning());
            assertEquals(a.probabilities().keySet(), b.probabilities().keySet());
            a.probabilities().forEach((id, p) -> org.junit.jupiter.api.Assertions.assertArrayEquals(p,
                    b.probabilities().get(id), 0.0));
        }
    }

    @Test
    void runsTheGridThenReusesStoredCells() throws IOException {
        Experiment e = experiment("");
        int before = FakeMethod.TRAININGS.get();
        GridRunner.Outcome first = run(e, false);
        assertEquals(12, first.cells().size());
        assertEquals(12, first.computed());
        assertEquals(6, first.skipped(), "segmentation cells are skipped, not errors");
        assertEquals(3, first.failed(), "the diverging method fails on its classification cells");
        assertEquals(6, FakeMethod.TRAININGS.get() - before);

        CellRecord skipped = first.cells().stream().filter(c -> c.status() == CellStatus.SKIPPED).findFirst().orElseThrow();
        assertEquals("classification only", skipped.reason());
        CellRecord failed = first.cells().stream().filter(c -> c.status() == CellStatus.FAILED).findFirst().orElseThrow();
        assertEquals(2, failed.failedEpoch());
        assertTrue(failed.reason().contains("diverged to NaN at epoch 2"), failed.reason());
        CellRecord ok = first.cells().stream().filter(c -> c.status() == CellStatus.OK).findFirst().orElseThrow();
        assertEquals(List.of(1.0, 0.5, 1.0 / 3), ok.curves().get("loss"));
        assertEquals(20, ok.probabilities().size(), "per-case predictions are stored");

        int afterFirst = FakeMethod.TRAININGS.get();
        GridRunner.Outcome second = run(e, false);
        assertEquals(9, second.reused(), "OK and skipped cells are reused");
        assertEquals(3, second.computed(), "failed cells are tried again");
        assertEquals(3, FakeMethod.TRAININGS.get() - afterFirst);

        GridRunner.Outcome forced = run(e, true);
        assertEquals(12, forced.computed());
    }

    @Test
    void cellsOfUnknownCodeAreNeverReused() throws IOException {
        Environment outsideGit = new Environment("test", "unknown", false, "17", "linux", "cpu", 2, "none",
                Map.of(), Map.of(), "unknown");
        Experiment e = experiment("");
        GridRunner unknown = new GridRunner(registries, new ResultsStore(dir.resolve("out")),
                new CellRunner(registries, outsideGit, null, "test"), GridProgress.SILENT);
        assertEquals(12, unknown.run(e, false).computed());
        GridRunner.Outcome again = unknown.run(e, false);
        assertEquals(0, again.reused(), "nothing says which code stored them");
        assertEquals(12, again.computed());
    }

    @Test
    void perSeedCsvIsTidy() throws IOException {
        run(experiment(""), false);
        List<String> lines = Files.readAllLines(dir.resolve("out").resolve(ResultsStore.PER_SEED_CSV));
        assertEquals("method,dataset,seed,metric,class,value", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("fake-method,fake-data,1,accuracy,")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("fake-diverging")), "failed cells have no values");
    }

    @Test
    void retriesRerunAFailingCell() throws IOException {
        int before = FakeMethod.TRAININGS.get();
        run(experiment("retries: 2\n"), false);
        assertEquals(3 + 3 * 3, FakeMethod.TRAININGS.get() - before, "each diverging cell is tried 1 + 2 times");
    }

    @Test
    void sameCellTwiceGivesIdenticalMetrics() throws IOException {
        Experiment e = experiment("");
        CellRecord a = run(e, true).cells().get(0);
        CellRecord b = run(e, true).cells().get(0);
        assertEquals(a.hash(), b.hash());
        assertEquals(a.metrics(), b.metrics());
    }

    @Test
    void anotherExecutorComputesTheClaimedCellsAndTheRunnerStoresEachAsItComesBack() throws IOException {
        // the seam a cluster executor uses: it computes, the grid runner lists, stores and counts
        Experiment e = experiment("");
        CellRunner cells = new CellRunner(registries, env, null, "test");
        List<String> computed = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Integer> planned = new java.util.ArrayList<>();
        ResultsStore store = new ResultsStore(dir.resolve("remote"));
        CellExecutor remote = new CellExecutor() {
            private final LocalCellExecutor local = new LocalCellExecutor(registries, cells, 2);

            @Override
            public int slots() {
                return 2;
            }

            @Override
            public void plan(List<GridCell> todo) {
                planned.add(todo.size());
                local.plan(todo);
            }

            @Override
            public CellRecord compute(GridCell cell, int retries) {
                CellRecord c = local.compute(cell, retries);
                assertTrue(store.find(cell.hash()).filter(s -> s.status() != CellStatus.FAILED).isEmpty(),
                        "not stored (but as failed, which is tried again) before it is computed");
                computed.add(cell.hash());
                return c;
            }
        };
        GridRunner.Outcome viaSeam = new GridRunner(registries, store, cells, GridProgress.SILENT).run(e, false, remote);
        GridRunner.Outcome local = run(e, false);
        assertEquals(List.of(12), planned);
        assertEquals(12, computed.size());
        assertEquals(local.cells().size(), viaSeam.cells().size());
        for (int i = 0; i < local.cells().size(); i++) {
            CellRecord a = local.cells().get(i);
            CellRecord b = viaSeam.cells().get(i);
            assertEquals(a.hash(), b.hash());
            assertEquals(a.status(), b.status());
            assertEquals(a.metrics(), b.metrics());
            assertTrue(store.find(b.hash()).isPresent(), "stored: " + b.spec().describeCell());
        }
        assertEquals(12, new GridRunner(registries, store, cells, GridProgress.SILENT).run(e, false, remote).cells().size());
        assertEquals(List.of(12, 3), planned, "a rerun plans only the cells not reusable (the 3 failed ones)");
    }
}
