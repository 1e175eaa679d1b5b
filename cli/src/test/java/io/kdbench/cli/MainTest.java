package io.kdbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;

    private Path experiment(String body) throws IOException {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, "name: tiny\noutput: " + dir.resolve("out") + "\n" + body);
        return f;
    }

    private static final String TINY = """
            seeds: [5]
            metrics: [accuracy, auroc]
            methods:
              - id: vit-student
                params: {steps: 4, batch_size: 16, width: 16, heads: 2, depth: 1}
            datasets:
              - id: toy-blobs
                params: {size: 16, n_train: 32, n_val: 4, n_test: 16}
            """;

    @Test
    void listShowsEveryKindWithDescriptions() {
        assertEquals(0, Main.execute("list"));
        String s = out.toString();
        assertTrue(s.contains("methods:") && s.contains("vit-student"), s);
        assertTrue(s.contains("datasets:") && s.contains("toy-blobs"), s);
        assertTrue(s.contains("metrics:") && s.contains("hd95[monai]"), s);
    }

    @Test
    void everyCommandsHelpFormatsWithoutPicocliWarnings() {
        // picocli formats descriptions with String.format: a bare '%' (as in "95% interval") prints a WARN line
        assertEquals(0, Main.execute("--help"));
        for (String command : new String[] {"list", "run", "report", "compare", "claims", "verify", "metrics", "datasets"}) {
            assertEquals(0, Main.execute(command, "--help"), command);
        }
        assertFalse(err.toString().contains("WARN"), err.toString());
        assertTrue(out.toString().contains("95% interval"), "the claims description keeps its percent sign");
    }

    @Test
    void runTwiceGivesTheSameBitsAndReusesTheStore() throws IOException {
        Path f = experiment(TINY);
        assertEquals(0, Main.execute("run", "--quiet", f.toString()), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/report/index.html")), "run writes the report");
        Path csv = dir.resolve("out/per_seed.csv");
        String first = Files.readString(csv);
        assertTrue(first.contains("vit-student,toy-blobs,5,auroc,mean,"), first);
        assertTrue(out.toString().contains("== toy-blobs =="), out.toString());

        out.reset();
        assertEquals(0, Main.execute("run", "--quiet", f.toString()));
        assertTrue(out.toString().contains("0 computed, 1 reused"), out.toString());

        assertEquals(0, Main.execute("run", "--quiet", "--force", f.toString()));
        assertEquals(first, Files.readString(csv), "a recomputed cell gives identical values");

        out.reset();
        assertEquals(0, Main.execute("verify", dir.resolve("out").toString()));
        assertTrue(out.toString().contains("1 of 1 cells verified identical"), out.toString());
    }

    @Test
    void verifyNamesACellThatDiffers() throws IOException {
        Path f = experiment(TINY);
        assertEquals(0, Main.execute("run", "--quiet", f.toString()));
        Path cellFile;
        try (var files = Files.list(dir.resolve("out/cells"))) {
            cellFile = files.findFirst().orElseThrow();
        }
        io.kdbench.store.CellRecord c = io.kdbench.store.ResultsStore.read(cellFile);
        // Store a tampered but correctly checksummed cell: verify must catch what the checksum cannot.
        io.kdbench.api.MetricResult auroc = c.metrics().get("auroc");
        java.util.Map<String, io.kdbench.api.MetricResult> metrics = new java.util.LinkedHashMap<>(c.metrics());
        metrics.put("auroc", new io.kdbench.api.MetricResult("auroc",
                java.util.Map.of("mean", new io.kdbench.api.MetricResult.Aggregate(0.123, 1, 0, 16)), auroc.perCase(), auroc.note()));
        // ... stored, it says, on another CPU: verify names that beside the values
        io.kdbench.env.Environment e = c.provenance().environment();
        io.kdbench.env.Environment elsewhere = new io.kdbench.env.Environment(e.kdbenchVersion(), e.gitCommit(), e.gitDirty(),
                e.javaVersion(), e.os(), "Another CPU", e.availableProcessors(), e.backendName(), e.backendVersions(),
                e.device(), e.codeHash());
        io.kdbench.store.Provenance provenance = new io.kdbench.store.Provenance(elsewhere, c.provenance().startTime(),
                c.provenance().endTime(), c.provenance().command());
        new io.kdbench.store.ResultsStore(dir.resolve("out")).write(new io.kdbench.store.CellRecord(c.schema(), c.hash(),
                c.status(), c.reason(), c.failedEpoch(), c.spec(), provenance, c.trainSeconds(), c.inferenceSeconds(),
                c.parameterCount(), c.usesPrivilegedAtTest(), c.role(), c.learning(), metrics, c.curves(), c.extras(),
                c.probabilities(), ""));
        out.reset();
        assertEquals(1, Main.execute("verify", dir.resolve("out").toString()));
        String s = out.toString();
        assertTrue(s.contains("DIFFERS") && s.contains("auroc[mean]: stored") && s.contains("0.123"), s);
        assertTrue(s.contains("environment CPU model: stored Another CPU, now " + e.cpuModel()), s);
    }

    @Test
    void aMistypedOptionIsOneLineAndExitTwo() {
        assertEquals(2, Main.execute("run", "--frce", "x.yaml"));
        String e = err.toString().trim();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("Unknown option: '--frce'") && e.contains("kdbench run --help"), e);
    }

    @Test
    void aBareKdbenchPrintsUsageAndExitsTwo() {
        assertEquals(2, Main.execute());
        assertTrue(err.toString().startsWith("Usage: kdbench") && err.toString().contains("metrics"), err.toString());
    }

    @Test
    void anUnknownVerbNamesTheValidVerbs() {
        assertEquals(2, Main.execute("rnu", "x.yaml"));
        assertEquals("kdbench: unknown verb 'rnu'; valid verbs: list, run, report, compare, claims, verify, metrics, "
                + "datasets, help (see: kdbench --help)", err.toString().trim());
    }

    /** kdbench --help lists each verb by the first line of its description: that line must be a whole sentence. */
    @Test
    void everyVerbsSummaryIsAWholeSentence() {
        new picocli.CommandLine(new Main()).getSubcommands().forEach((verb, cmd) -> {
            String first = cmd.getCommandSpec().usageMessage().description()[0];
            assertTrue(first.endsWith("."), verb + ": " + first);
        });
    }

    @Test
    void anExperimentFileThatIsAFolderIsNotCalledMissing() {
        assertEquals(2, Main.execute("run", dir.toString()));
        assertEquals("kdbench: " + dir + ": is a folder, not a file; expected the experiment file",
                err.toString().trim());
    }

    @Test
    void sparkWithoutTheSparkModuleOnTheClassPathIsOneLineAndExitTwo() throws IOException {
        // the cli module has no Spark: ./kdbench adds the spark module's class path only when --spark is given
        assertEquals(2, Main.execute("run", "--quiet", "--spark", "local[2]", experiment(TINY).toString()));
        String e = err.toString().trim();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("--spark: the kdbench-spark module is not on the class path"), e);
        assertFalse(Files.exists(dir.resolve("out/cells")) && dir.resolve("out/cells").toFile().list().length > 0,
                "nothing computed");
    }

    @Test
    void verifyOfANonResultsFolderIsBadInput() {
        assertEquals(2, Main.execute("verify", dir.toString()));
        assertTrue(err.toString().contains("not a results folder"), err.toString());
    }

    @Test
    void badExperimentExitsWithTwoAndOneMessage() throws IOException {
        Path f = experiment(TINY.replace("vit-student", "vit-studnet"));
        assertEquals(2, Main.execute("run", f.toString()));
        String e = err.toString().trim();
        assertTrue(e.startsWith("kdbench: " + f + ":6: unknown method 'vit-studnet'"), e);
        assertEquals(1, e.lines().count(), e);
        assertFalse(Files.exists(dir.resolve("out")), "nothing is written for a bad file");
    }

    @Test
    void unwritableOutputExitsWithTwo() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "");
        Path f = experiment(TINY);
        assertEquals(2, Main.execute("run", "--output", blocker.resolve("x").toString(), f.toString()));
        assertTrue(err.toString().contains("cannot create results folder"), err.toString());
    }
}
