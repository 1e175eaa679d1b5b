package io.kdbench.cli;

import io.kdbench.experiment.ComponentSpec;
import io.kdbench.experiment.ConfigException;
import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.run.GridRunner;
import io.kdbench.store.ResultsStore;
import io.kdbench.store.RunSpec;
import io.kdbench.store.StoreContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every shipped experiment file loads: keys, types, ids and parameter values are valid. */
class ExperimentFilesTest {
    private static final Path DIR = Path.of("..", "experiments");

    @Test
    void everyShippedExperimentLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            // the manifest and medmnist examples name files relative to the repository root, where users run them
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("manifest")
                    && !p.getFileName().toString().startsWith("medmnist")).sorted().toList();
        }
        assertEquals(List.of("paper.yaml", "quick.yaml", "standard.yaml"),
                files.stream().map(f -> f.getFileName().toString()).toList());
        ExperimentLoader loader = new ExperimentLoader(Registries.load());
        for (Path f : files) {
            Experiment e = loader.load(f);
            String file = f.getFileName().toString();
            assertEquals(file.substring(0, file.length() - ".yaml".length()), e.name(), "name: of " + file);
            assertFalse(e.seeds().isEmpty() || e.methods().isEmpty() || e.datasets().isEmpty() || e.metrics().isEmpty(),
                    file + " names seeds, methods, datasets and metrics");
            // the grid holds each method on each dataset it runs on, once per seed of that dataset, and no cell twice
            long expected = 0;
            for (var m : e.methods()) {
                for (var d : e.datasets()) {
                    expected += m.runsOn(d.label()) ? e.seedsOf(d.label()).size() : 0;
                }
            }
            List<RunSpec> cells = GridRunner.specs(e);
            assertEquals(expected, cells.size(), file);
            assertEquals(cells.size(), cells.stream().distinct().count(), file + " has no cell twice");
            assertTrue(expected > 0, file + " runs something");
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

    /**
     * Each committed baseline is its experiment file's grid, cell for cell (claims are not part of any cell's spec, so
     * the files' claims leave the grids as they were): a recipe changed in a file without regenerating its store fails.
     */
    @Test
    void theCommittedBaselinesHoldExactlyTheirExperimentsGrids() {
        for (String name : List.of("quick", "standard")) {
            Experiment e = new ExperimentLoader(Registries.load()).load(DIR.resolve(name + ".yaml"));
            assertFalse(e.claims().isEmpty(), name);
            StoreContents baseline = new ResultsStore(Path.of("..", "results", "baselines", name)).contents();
            assertEquals(e.cellCount(), baseline.cells().size(), name);
            assertEquals(baseline.cells().size(), baseline.of(GridRunner.specs(e)).cells().size(), name);
        }
    }

    @Test
    void standardRunsTheQuickGridPlusThePapersAblations() {
        Registries registries = Registries.load();
        Experiment quick = new ExperimentLoader(registries).load(DIR.resolve("quick.yaml"));
        Experiment standard = new ExperimentLoader(registries).load(DIR.resolve("standard.yaml"));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), standard.seeds());
        // every cell of quick's grid is a cell of standard's (same row, dataset, parameters and seed), so the two
        // stores share those cells; standard may run a row on more datasets (OS-MD's missing-rate point)
        List<RunSpec> standardCells = GridRunner.specs(standard);
        for (RunSpec cell : GridRunner.specs(quick)) {
            assertTrue(standardCells.contains(cell), "standard.yaml keeps quick's cell " + cell.method()
                    + " / " + cell.dataset() + " / seed " + cell.seed());
        }
        List<String> labels = standard.methods().stream().map(m -> m.label()).toList();
        for (String row : List.of("hdc-no-cg", "hdc-no-mi", "osmd-imputation", "osmd-no-distillation", "ssn-unbiased",
                "ssn-no-cross-attention", "fed-dual-kd-response-only", "fed-dual-kd-feature-only", "fed-mean-teacher")) {
            assertTrue(labels.contains(row), row);
        }
        List<String> claims = standard.claims().stream().map(c -> c.id()).toList();
        assertTrue(claims.containsAll(List.of("hdc-vs-no-cg", "hdc-vs-no-mi", "osmd-vs-imputation",
                "osmd-vs-no-distillation", "ssn-biased-loss", "ssn-cross-attention", "dual-kd-vs-response-only",
                "dual-kd-vs-feature-only", "dual-kd-vs-semi-supervised-fl")), claims.toString());
        // SSN's claims also on the paper's own measure, the average accuracy over its 8 tasks
        for (String id : List.of("ssn-not-worse-8-task", "ssn-biased-loss-8-task", "ssn-cross-attention-8-task")) {
            assertEquals("accuracy[tasks]", standard.claims().stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no claim " + id)).metric(), id);
        }
    }

    /**
     * Standard runs each dataset at the seeds its claims need (docs/experiments.md, "Seeds per dataset"): 10, the knee
     * at 5, mammography at 35 (its localization claim) and skin-pairs at 13 (its 8-task not-worse claim). Every dataset's seeds start at 1, so a smaller count's cells
     * are a larger count's.
     */
    @Test
    void standardRunsEachDatasetAtTheSeedsItsClaimsNeed() {
        Experiment standard = new ExperimentLoader(Registries.load()).load(DIR.resolve("standard.yaml"));
        for (ComponentSpec d : standard.datasets()) {
            int expected = switch (d.label()) {
                case "knee-mr-federated" -> 5;
                case "mammo-tabular" -> 35;
                case "skin-pairs" -> 13;
                default -> 10;
            };
            List<Long> seeds = standard.seedsOf(d.label());
            assertEquals(expected, seeds.size(), d.label());
            assertEquals(LongStream.rangeClosed(1, expected).boxed().toList(), seeds, d.label());
        }
    }

    /** The new switches are checked when the file loads: a bad value stops it with file:line. */
    @Test
    void badAblationParametersStopLoadingWithFileAndLine(@TempDir Path dir) throws IOException {
        String[][] cases = {
                {"  - id: ssn\n    params: {cross_attention: maybe}\n", "skin-pairs", "ssn.cross_attention"},
                {"  - id: fed-dual-kd\n    params:\n      lambda_feature: -1.0\n", "knee-mr-federated",
                        "lambda_feature must be"},
                {"  - id: osmd-imputation\n", "{id: rgbd-incomplete, params: {task: classification, missing_rate: 2.0}}",
                        "missing_rate must be in [0, 1]"},
        };
        ExperimentLoader loader = new ExperimentLoader(Registries.load());
        for (String[] c : cases) {
            Path f = dir.resolve("bad.yaml");
            Files.writeString(f, "seeds: [1]\nmetrics: [accuracy, dice]\ndatasets:\n  - " + c[1] + "\nmethods:\n" + c[0]);
            ConfigException e = assertThrows(ConfigException.class, () -> loader.load(f));
            assertTrue(e.getMessage().matches(".*bad\\.yaml:\\d+: .*") && e.getMessage().contains(c[2]), e.getMessage());
        }
    }
}
