package io.kdbench.cli;

import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.run.GridRunner;
import io.kdbench.store.ResultsStore;
import io.kdbench.store.StoreContents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shipped experiment file loads: keys, types, ids and parameter values are valid. */
class ExperimentFilesTest {
    private static final Path DIR = Path.of("..", "experiments");

    @Test
    void everyShippedExperimentLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            // the manifest example names files relative to the repository root, where users run it
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("manifest"))
                    .sorted().toList();
        }
        assertFalse(files.isEmpty());
        ExperimentLoader loader = new ExperimentLoader(Registries.load());
        for (Path f : files) {
            loader.load(f);
        }
    }

    @Test
    void quickHasEveryMethodAndBothFloorsOnEveryDatasetWithThreeSeeds() {
        Registries registries = Registries.load();
        Experiment quick = new ExperimentLoader(registries).load(DIR.resolve("quick.yaml"));
        assertEquals(List.of(1L, 2L, 3L), quick.seeds());
        List<String> ids = quick.methods().stream().map(m -> m.id()).toList();
        for (String id : registries.methods().ids()) {
            // kdbench's own methods (a test plug-in on the class path is not one of them)
            if (registries.methods().get(id).getClass().getName().startsWith("io.kdbench.methods.")) {
                assertTrue(ids.contains(id), "quick.yaml runs every kdbench method; missing " + id);
            }
        }
        for (String floor : List.of("prior", "linear-probe")) {
            var spec = quick.methods().stream().filter(m -> m.id().equals(floor)).findFirst().orElseThrow();
            assertTrue(spec.datasets().isEmpty(), floor + " runs on every dataset");
        }
        assertTrue(quick.methods().stream().filter(m -> !List.of("prior", "linear-probe").contains(m.id()))
                .allMatch(m -> !m.datasets().isEmpty()), "every other row names its datasets");
    }

    /** Claims are not part of any cell's spec: quick.yaml with its claims names every cell of the committed baseline. */
    @Test
    void quickClaimsLeaveTheCommittedBaselineCellsInItsGrid() {
        Experiment quick = new ExperimentLoader(Registries.load()).load(DIR.resolve("quick.yaml"));
        assertFalse(quick.claims().isEmpty());
        StoreContents baseline = new ResultsStore(Path.of("..", "results", "baselines", "quick")).contents();
        assertEquals(quick.cellCount(), baseline.cells().size());
        assertEquals(baseline.cells().size(), baseline.of(GridRunner.specs(quick)).cells().size());
    }
}
