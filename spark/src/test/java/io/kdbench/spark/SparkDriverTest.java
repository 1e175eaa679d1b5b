package io.kdbench.spark;

import io.kdbench.cli.Main;
import io.kdbench.env.ComputeBackend;
import io.kdbench.env.Environment;
import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.run.CellExecutor;
import io.kdbench.run.CellRunner;
import io.kdbench.run.GridProgress;
import io.kdbench.run.GridRunner;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The driver's side: killed midway, and executors that cannot read a manifest's files. */
class SparkDriverTest {
    @TempDir
    Path dir;

    @Test
    void aDriverKilledMidwayLosesOnlyTheCellsInFlightAndTheRerunFinishesTheGrid() throws Exception {
        Path f = dir.resolve("grid.yaml");
        Files.writeString(f, """
                name: grid
                seeds: [1, 2, 3, 4, 5, 6]
                metrics: [accuracy]
                methods:
                  - id: vit-student
                    params: {steps: 4, batch_size: 16, width: 16, heads: 2, depth: 1}
                datasets:
                  - id: toy-blobs
                    params: {size: 16, n_train: 32, n_val: 4, n_test: 16}
                """);
        Path out = dir.resolve("out");
        Process driver = start(dir.resolve("driver.log"), "run", "--quiet", "--spark", "local[2]", "--output",
                out.toString(), f.toString());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (stored(out) < 2 && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        driver.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no clean-up
        int before = stored(out);
        assertTrue(before >= 2 && before < 6, "killed midway: " + before + " cells stored; "
                + Files.readString(dir.resolve("driver.log")));

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(text, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.execute("run", "--quiet", "--spark", "local[2]", "--output", out.toString(), f.toString()));
        } finally {
            System.setOut(stdout);
        }
        assertTrue(text.toString().contains("6 cells: " + (6 - before) + " computed, " + before + " reused"), text.toString());
        try (Stream<Path> files = Files.list(out.resolve(ResultsStore.CELLS))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(6, names.size(), "6 cells and nothing else (no claim, no temporary file): " + names);
        }
        assertEquals(6, new ResultsStore(out).contents().cells().size(), "every cell reads and passes its checksum");
    }

    @Test
    void aManifestTheExecutorsCannotReadFailsTheCellNamingThePath() throws IOException {
        Path data = dir.resolve("data");
        copy(Path.of("..", "examples", "manifest"), data);
        Path f = dir.resolve("manifest.yaml");
        Files.writeString(f, Files.readString(Path.of("..", "experiments", "manifest-example.yaml"))
                .replace("examples/manifest/manifest.csv", data.resolve("manifest.csv").toString()));
        Registries registries = Registries.load();
        Experiment experiment = new ExperimentLoader(registries).load(f); // checked where the files are
        deleteTree(data); // ... and gone where the executor runs

        ComputeBackend backend = Environment.findBackend(Thread.currentThread().getContextClassLoader());
        CellRunner cells = new CellRunner(registries, Environment.detect(backend), backend, "test");
        ResultsStore store = new ResultsStore(dir.resolve("out"));
        GridRunner.Outcome outcome;
        try (CellExecutor spark = new SparkExecutorFactory().open("local[1]", null, cells, List.of())) {
            outcome = new GridRunner(registries, store, cells, GridProgress.SILENT).run(experiment, false, spark);
        }
        CellRecord cell = outcome.cells().get(0);
        assertEquals(CellStatus.FAILED, cell.status());
        assertTrue(cell.reason().contains("cannot make dataset 'manifest'")
                && cell.reason().contains(data.resolve("manifest.csv").toAbsolutePath().toString())
                && cell.reason().contains("every executor can read"), cell.reason());
        assertEquals(cell.reason(), store.find(cell.hash()).orElseThrow().reason(), "stored with its reason");
    }

    private static int stored(Path out) throws IOException {
        Path cells = out.resolve(ResultsStore.CELLS);
        if (!Files.isDirectory(cells)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(cells)) {
            return (int) files.filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    /** kdbench as a separate JVM on the test class path, with the JVM flags Spark needs. */
    private static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-Xmx1g");
        cmd.add("-Djavacpp.platform.extension=" + System.getProperty("javacpp.platform.extension", ""));
        cmd.addAll(List.of(System.getProperty("kdbench.spark.jvmOptions").trim().split("\\s+")));
        cmd.addAll(List.of("-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
