package io.kdbench.cli;

import io.kdbench.api.MetricResult;
import io.kdbench.api.Role;
import io.kdbench.env.Environment;
import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.run.GridRunner;
import io.kdbench.store.CellRecord;
import io.kdbench.store.Provenance;
import io.kdbench.store.ResultsStore;
import io.kdbench.store.RunSpec;
import io.kdbench.store.SpecHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kdbench claims} on a tiny constructed store (no training): the verdict table, JSON, claims from another file,
 * bad input; and {@code run} writing claims.csv when it reuses every stored cell.
 */
class ClaimsCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;

    private static final String GRID = """
            name: tiny
            seeds: [1, 2, 3]
            metrics: [accuracy]
            methods:
              - prior
              - linear-probe
            datasets:
              - toy-blobs
            """;
    private static final String CLAIMS = """
            claims:
              - id: probe-better
                paper: A paper (arXiv 0000.00000)
                text: The probe beats the prior.
                dataset: toy-blobs
                metric: accuracy
                row: linear-probe
                against: prior
                expect: better
            """;

    private Path file(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    /**
     * A results folder holding every cell of the file's grid, named as a run in {@code env} names them: accuracy 0.5
     * for the prior, 0.90, 0.91, 0.92 for the probe on seeds 1-3.
     */
    private Path store(Path results, Path experimentFile, Environment env) throws IOException {
        Experiment experiment = new ExperimentLoader(Registries.load()).load(experimentFile);
        ResultsStore store = new ResultsStore(results);
        store.checkWritable();
        for (RunSpec spec : GridRunner.specs(experiment)) {
            double accuracy = spec.method().equals("prior") ? 0.5 : 0.89 + 0.01 * spec.seed();
            MetricResult r = new MetricResult("accuracy", Map.of("mean", new MetricResult.Aggregate(accuracy, 10, 0, 10)),
                    Map.of(), "");
            store.write(CellRecord.builder(SpecHash.of(spec, env.codeVersion(), env.computeIdentity()), spec,
                            new Provenance(env, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "kdbench run x"),
                            Role.COMPETITOR)
                    .seconds(1, 0.1).model(spec.method().equals("prior") ? 0 : 100, false)
                    .learning(CompareCommandTest.LEARNED).metrics(Map.of("accuracy", r)).build());
        }
        Files.copy(experimentFile, results.resolve("experiment.yaml"));
        return results;
    }

    @Test
    void printsAVerdictPerClaimOfTheStoredExperiment() throws IOException {
        Path results = store(dir.resolve("r"), file("tiny.yaml", GRID + CLAIMS), CompareCommandTest.ENV);
        assertEquals(0, Main.execute("claims", results.toString()), err.toString());
        String table = out.toString();
        assertTrue(table.contains("probe-better") && table.contains("linear-probe vs prior")
                && table.contains("+0.410 [") && table.contains("reproduced"), table);
        assertTrue(table.contains("probe-better: A paper (arXiv 0000.00000): The probe beats the prior."), table);
        out.reset();
        assertEquals(0, Main.execute("claims", "--json", results.toString()));
        assertTrue(out.toString().contains("\"verdict\" : \"reproduced\"") && out.toString().contains("\"n_seeds\" : 3"),
                out.toString());
    }

    @Test
    void claimsCanComeFromAnotherFileAndOnlyItsGridIsTested() throws IOException {
        Path results = store(dir.resolve("r"), file("tiny.yaml", GRID), CompareCommandTest.ENV);
        assertEquals(2, Main.execute("claims", results.toString()));
        assertTrue(err.toString().contains("experiment.yaml: states no claims; add a 'claims:' list")
                && err.toString().contains("--experiment FILE"), err.toString());
        Path withClaims = file("claims.yaml", GRID + CLAIMS);
        assertEquals(0, Main.execute("claims", results.toString(), "--experiment", withClaims.toString()), err.toString());
        assertTrue(out.toString().contains("reproduced"), out.toString());
        // two seeds of the three: the third seed's cells are left out and named
        Path twoSeeds = file("two.yaml", GRID.replace("[1, 2, 3]", "[1, 2]") + CLAIMS);
        out.reset();
        assertEquals(0, Main.execute("claims", results.toString(), "--experiment", twoSeeds.toString()));
        assertTrue(err.toString().contains("2 stored cell(s) are not in the grid of " + twoSeeds), err.toString());
        assertTrue(out.toString().contains("linear-probe vs prior  better  2 "), out.toString());
    }

    @Test
    void badInputExitsTwoWithOneMessage() throws IOException {
        assertEquals(2, Main.execute("claims", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("no such results folder"), err.toString());
        Path results = store(dir.resolve("r"), file("tiny.yaml", GRID + CLAIMS), CompareCommandTest.ENV);
        Path otherSeeds = file("seven.yaml", GRID.replace("[1, 2, 3]", "[7]") + CLAIMS);
        assertEquals(2, Main.execute("claims", results.toString(), "--experiment", otherSeeds.toString()));
        assertTrue(err.toString().contains("holds no cell of the grid of " + otherSeeds), err.toString());
        Path badClaim = file("bad.yaml", GRID + CLAIMS.replace("row: linear-probe", "row: nobody"));
        assertEquals(2, Main.execute("claims", results.toString(), "--experiment", badClaim.toString()));
        assertTrue(err.toString().contains(badClaim + ":15: unknown row 'nobody'"), err.toString());
        Files.writeString(results.resolve("cells/empty.json"), "");
        assertEquals(2, Main.execute("claims", results.toString()));
        assertTrue(err.toString().contains("unreadable cell file") && err.toString().contains("--ignore-unreadable"),
                err.toString());
        assertEquals(0, Main.execute("claims", results.toString(), "--ignore-unreadable"));
    }

    @Test
    void aRunThatReusesEveryCellWritesClaimsCsvBesideTheCellsAndInTheReport() throws IOException {
        Path experiment = file("tiny.yaml", GRID + "output: " + dir.resolve("out") + "\n" + CLAIMS);
        Environment env = Environment.detect(Environment.findBackend(getClass().getClassLoader()));
        store(dir.resolve("out"), experiment, env);
        assertEquals(0, Main.execute("run", "--quiet", experiment.toString()), err.toString());
        assertTrue(out.toString().contains("6 cells: 0 computed, 6 reused"), out.toString());
        for (Path csv : List.of(dir.resolve("out/claims.csv"), dir.resolve("out/report/claims.csv"))) {
            List<String> lines = Files.readAllLines(csv);
            assertEquals(2, lines.size(), csv.toString());
            assertTrue(lines.get(1).startsWith("probe-better,A paper (arXiv 0000.00000),toy-blobs,accuracy,better,")
                    && lines.get(1).contains(",reproduced,"), lines.get(1));
        }
    }
}
