package io.kdbench.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdbench.cli.Main;
import io.kdbench.store.CellRecord;
import io.kdbench.store.CellStatus;
import io.kdbench.store.Json;
import io.kdbench.store.ResultsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kdbench run --spark local[2]} end to end: a tiny grid, against the local runner, with failing tasks. */
class SparkRunTest {
    private static final String GRID = """
            seeds: [5, 6]
            metrics: [accuracy, auroc]
            methods:
              - prior
              - flaky-prior
              - id: vit-student
                params: {steps: 4, batch_size: 16, width: 16, heads: 2, depth: 1}
            datasets:
              - id: toy-blobs
                params: {size: 16, n_train: 32, n_val: 4, n_test: 16}
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private Path experiment(String body) throws IOException {
        Path f = dir.resolve("grid.yaml");
        Files.writeString(f, "name: grid\n" + body);
        return f;
    }

    private int run(Path experiment, String output, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--quiet", "--output", dir.resolve(output).toString()));
        args.addAll(List.of(more));
        args.add(experiment.toString());
        return Main.execute(args.toArray(String[]::new));
    }

    @Test
    void sparkCellsAreTheLocalRunnersBitForBitAndAFailedTaskIsRetried() throws IOException {
        Path f = experiment(GRID);
        assertEquals(0, run(f, "local"), err.toString());
        int failedBefore = FlakyPrior.FIRST_ATTEMPTS_FAILED.get();
        out.reset();
        assertEquals(0, run(f, "spark", "--spark", "local[2]"), err.toString());
        assertEquals(2, FlakyPrior.FIRST_ATTEMPTS_FAILED.get() - failedBefore,
                "each flaky cell's first task attempt died, and Spark's retry computed it");
        assertTrue(out.toString().contains("6 cells: 6 computed, 0 reused"), out.toString());

        Map<String, String> local = values(dir.resolve("local"));
        Map<String, String> spark = values(dir.resolve("spark"));
        assertEquals(6, local.size());
        assertEquals(local.keySet(), spark.keySet(), "the same cell names");
        local.forEach((name, cell) -> assertEquals(cell, spark.get(name), "cell " + name + " differs"));
        CellRecord one = ResultsStore.read(dir.resolve("spark/cells").resolve(spark.keySet().iterator().next()));
        assertEquals(CellStatus.OK, one.status());
        assertTrue(one.provenance().environment().device().get("sparkExecutor").startsWith("executor driver on "),
                "the cell says where it was computed");
        assertTrue(one.provenance().command().contains("--spark local[2]"), one.provenance().command());

        out.reset();
        assertEquals(0, run(f, "spark", "--spark", "local[2]"), err.toString());
        assertTrue(out.toString().contains("6 cells: 0 computed, 6 reused"), "a rerun reuses the store: " + out);
    }

    @Test
    void aCellWhoseTaskKeepsFailingIsStoredAsFailedWithSparksReason() throws IOException {
        Path f = experiment("""
                seeds: [5]
                metrics: [accuracy]
                methods: [prior, lost-prior]
                datasets:
                  - id: toy-blobs
                    params: {size: 16, n_train: 32, n_val: 4, n_test: 16}
                """);
        assertEquals(3, run(f, "spark", "--spark", "local[2]"), "exit 3: a cell failed");
        List<CellRecord> cells = new ResultsStore(dir.resolve("spark")).readAll();
        assertEquals(2, cells.size(), "the failing cell does not stop the others");
        CellRecord lost = cells.stream().filter(c -> c.spec().method().equals("lost-prior")).findFirst().orElseThrow();
        assertEquals(CellStatus.FAILED, lost.status());
        assertTrue(lost.reason().startsWith("Spark gave up on the cell's task: ") && lost.reason().contains(
                "failed 4 times") && lost.reason().contains("UnsatisfiedLinkError: test: no natives on any executor"),
                lost.reason());
        assertTrue(err.toString().contains("lost-prior / toy-blobs / seed 5 (Spark gave up"), err.toString());
        assertEquals(CellStatus.OK, cells.stream().filter(c -> c.spec().method().equals("prior")).findFirst()
                .orElseThrow().status());
    }

    @Test
    void aMasterSparkCannotParseIsBadInput() throws IOException {
        Path f = experiment(GRID);
        assertEquals(2, run(f, "spark", "--spark", "lcoal[2]"));
        assertTrue(err.toString().contains("--spark lcoal[2]: not a Spark master"), err.toString());
    }

    /** Each stored cell's document without what differs by where and when it ran (provenance, timing, checksum). */
    static Map<String, String> values(Path store) throws IOException {
        Map<String, String> cells = new TreeMap<>();
        try (Stream<Path> files = Files.list(store.resolve(ResultsStore.CELLS))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                ObjectNode cell = (ObjectNode) Json.MAPPER.readTree(file.toFile());
                cell.remove(List.of("provenance", "trainSeconds", "inferenceSeconds", "checksum"));
                JsonNode values = cell;
                cells.put(file.getFileName().toString(), Json.MAPPER.writeValueAsString(values));
            }
        }
        return cells;
    }
}
