package io.kdbench.cli;

import io.kdbench.store.CellRecord;
import io.kdbench.store.ResultsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit codes that cannot lie: a run with a failed cell exits 3; verify fails on unreadable, missing and unrecomputable cells. */
class ExitCodesTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;

    private Path experiment(String methods, String seeds) throws IOException {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, "name: exp\noutput: " + dir.resolve("out") + "\nseeds: " + seeds + """

                metrics: [accuracy, auroc]
                equal_budgets: false
                methods: %s
                datasets:
                  - id: toy-blobs
                    params: {size: 16, n_train: 32, n_val: 8, n_test: 16}
                """.formatted(methods));
        return f;
    }

    /** Each stored cell file by its seed. */
    private Map<Long, Path> cellFilesBySeed() throws IOException {
        Map<Long, Path> files = new HashMap<>();
        try (Stream<Path> list = Files.list(dir.resolve("out/cells"))) {
            for (Path f : list.toList()) {
                CellRecord c = ResultsStore.read(f);
                files.put(c.spec().seed(), f);
            }
        }
        return files;
    }

    @Test
    void aRunWithAFailedCellFinishesTheGridAndExitsThree() throws IOException {
        Path f = experiment("[prior, always-fails]", "[1, 2]");
        assertEquals(3, Main.execute("run", "--quiet", f.toString()));
        List<String> lines = err.toString().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("kdbench: 2 of 4 cells failed: always-fails / toy-blobs / seed 1"
                + " (IllegalStateException: this method always fails); always-fails / toy-blobs / seed 2"), last);
        assertTrue(out.toString().contains("4 cells: 4 computed, 0 reused") && out.toString().contains("2 failed"),
                out.toString());
        assertEquals(4, new ResultsStore(dir.resolve("out")).readAll().size(), "the other cells are stored");

        out.reset();
        assertEquals(3, Main.execute("run", "--quiet", f.toString()), "a rerun tries the failed cells again");
        assertTrue(out.toString().contains("2 computed, 2 reused"), out.toString());
    }

    @Test
    void verifyFailsOnEveryUnreadableAndEveryMissingCellNamingEach() throws IOException {
        Path f = experiment("[prior]", "[1, 2, 3, 4, 5]");
        assertEquals(0, Main.execute("run", "--quiet", f.toString()));
        Path store = dir.resolve("out");
        assertEquals(0, Main.execute("verify", store.toString()));
        assertTrue(out.toString().contains("5 of 5 cells verified identical; 0 differ, 0 unreadable, 0 missing"),
                out.toString());

        Map<Long, Path> files = cellFilesBySeed();
        String json = Files.readString(files.get(1L));
        Files.writeString(files.get(1L), json.replace("kdbench run", "kdbench ran")); // hand-edited
        Files.writeString(files.get(2L), json.substring(0, json.length() / 2));
        Files.writeString(files.get(3L), "");
        Files.writeString(files.get(4L), "{}");
        Files.delete(files.get(5L));
        Path oldSchema = store.resolve("cells/old.json");
        Files.writeString(oldSchema, json.replace("\"schema\" : " + CellRecord.SCHEMA, "\"schema\" : 1"));

        out.reset();
        assertEquals(1, Main.execute("verify", store.toString()));
        String s = out.toString();
        assertTrue(s.contains("UNREADABLE " + files.get(1L) + ": fails its checksum (truncated or edited)"), s);
        assertTrue(s.contains("UNREADABLE " + files.get(2L) + ": is not valid JSON"), s);
        assertTrue(s.contains("UNREADABLE " + files.get(3L) + ": is empty (0 bytes)"), s);
        assertTrue(s.contains("UNREADABLE " + files.get(4L) + ": is an empty JSON object ({})"), s);
        assertTrue(s.contains("UNREADABLE " + oldSchema + ": was stored by another schema (1, expected "
                + CellRecord.SCHEMA + ")"), s);
        assertTrue(s.contains("MISSING    prior / toy-blobs / seed 5: the experiment's grid expects it"), s);
        assertTrue(s.contains("0 of 0 cells verified identical; 0 differ, 5 unreadable, 1 missing, 0 cannot be recomputed"), s);
    }

    @Test
    void verifyNamesCellsThatCannotBeRecomputed() throws IOException {
        Path store = CompareCommandTest.store(dir.resolve("plugin"), "m", 0.80, 0.82);
        assertEquals(1, Main.execute("verify", store.toString()));
        String s = out.toString();
        assertTrue(s.contains("CANNOT     m / d / seed 1") && s.contains("method 'm' and dataset 'd' are not registered"), s);
        assertTrue(s.contains("0 of 2 cells verified identical; 0 differ, 0 unreadable, 0 missing, 2 cannot be recomputed"), s);
        assertTrue(err.toString().contains("no experiment.yaml"), err.toString());
    }
}
