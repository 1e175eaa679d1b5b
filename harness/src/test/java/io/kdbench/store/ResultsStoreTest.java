package io.kdbench.store;

import io.kdbench.api.MetricResult;
import io.kdbench.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsStoreTest {
    @TempDir
    Path dir;

    static final Environment ENV = new Environment("0.1", "abc", true, "17", "linux", "cpu", 2, "cpu",
            Map.of("nd4j", "1.0.0-M2.1"), Map.of(), "code0");

    static CellRecord cell(long seed, double value) {
        return cell(CellRecord.SCHEMA, seed, value);
    }

    static CellRecord cell(int schema, long seed, double value) {
        RunSpec spec = new RunSpec("m", "m", Map.of("lr", 0.1), "d", "d", Map.of("n", 3), seed, List.of("auroc"), "nan");
        MetricResult r = new MetricResult("auroc",
                Map.of("mean", new MetricResult.Aggregate(value, 1, 0, 1)), Map.of("case-1", Map.of("mean", value)), "");
        return CellRecord.builder(SpecHash.of(spec, ENV.codeVersion(), "cpu"), spec,
                        new Provenance(ENV, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "kdbench run x"),
                        io.kdbench.api.Role.COMPETITOR)
                .schema(schema).seconds(1.5, 0.25).model(42, false)
                .learning(new io.kdbench.learning.LearningVerdict(io.kdbench.learning.LearningVerdict.Status.LEARNED,
                        "auroc", 0.8, 0.5, 0.3, 0.69, "fixture"))
                .metrics(Map.of("auroc", r)).curves(Map.of("loss", List.of(0.9, 0.5))).extras(Map.of("bytes", 10))
                .probabilities(Map.of("case-1", new double[] {0.25, 0.75})).build();
    }

    @Test
    void roundTripsACellIncludingNaN() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        CellRecord c = cell(1, Double.NaN);
        store.write(c);
        CellRecord back = store.find(c.hash()).orElseThrow();
        assertTrue(Double.isNaN(back.metrics().get("auroc").overall()));
        assertEquals(c.spec(), back.spec());
        assertEquals(c.curves(), back.curves());
        assertEquals(c.provenance(), back.provenance());
        assertEquals(0.75, back.probabilities().get("case-1")[1]);
        assertEquals(64, back.checksum().length());
    }

    /** Extras as a method leaves them: a record (serialised in declaration order) with a NaN and a float. */
    record Selection(String metric, int every, double chosenScore, float lr) {
    }

    @Test
    void aCellSentAsItsJsonDocumentIsStoredAsTheRecordWouldBe() throws IOException {
        CellRecord c = cell(1, Double.NaN);
        c = new CellRecord(c.schema(), c.hash(), c.status(), c.reason(), c.failedEpoch(), c.spec(), c.provenance(),
                c.trainSeconds(), c.inferenceSeconds(), c.parameterCount(), c.usesPrivilegedAtTest(), c.role(),
                c.learning(), c.metrics(), c.curves(), Map.of("selection", Map.of("student",
                new Selection("auroc", 60, Double.NaN, 0.1f))), c.probabilities(), "");
        ResultsStore here = new ResultsStore(dir.resolve("here"));
        here.write(c);
        // what a cluster task sends: the bytes, read back on the driver as a tree
        ResultsStore driver = new ResultsStore(dir.resolve("driver"));
        driver.write(c.hash(), (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(
                Json.MAPPER.writeValueAsBytes(c)));
        assertEquals(Files.readString(here.cellFile(c.hash())), Files.readString(driver.cellFile(c.hash())));
        assertTrue(Files.readString(here.cellFile(c.hash())).contains("\"metric\" : \"auroc\",\n"), "declaration order");
        assertEquals(c.hash(), ResultsStore.read(driver.cellFile(c.hash())).hash(), "its checksum verifies");
    }

    @Test
    void leavesNoTemporaryFiles() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        store.write(cell(1, 0.5));
        store.write(cell(1, 0.6));
        try (var files = Files.list(dir.resolve(ResultsStore.CELLS))) {
            assertEquals(List.of(cell(1, 0.5).hash() + ".json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void truncatedOrEditedCellsAreDetected() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        CellRecord c = cell(2, 0.7);
        store.write(c);
        Path file = store.cellFile(c.hash());
        String json = Files.readString(file);

        Files.writeString(file, json.substring(0, json.length() / 2));
        assertTrue(store.find(c.hash()).isEmpty(), "a truncated cell is not trusted");
        assertThrows(CorruptCellException.class, () -> ResultsStore.read(file));

        Files.writeString(file, json.replace("0.7", "0.9"));
        CorruptCellException e = assertThrows(CorruptCellException.class, () -> ResultsStore.read(file));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void everyUnreadableCellFileIsListedWithWhatIsWrong() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        for (int seed = 1; seed <= 6; seed++) {
            store.write(cell(seed, 0.7));
        }
        store.write(cell(1, 7, 0.7));
        Path edited = store.cellFile(cell(1, 0.7).hash());
        Files.writeString(edited, Files.readString(edited).replace("0.7", "0.9"));
        Path truncated = store.cellFile(cell(2, 0.7).hash());
        String json = Files.readString(truncated);
        Files.writeString(truncated, json.substring(0, json.length() / 2));
        Files.writeString(store.cellFile(cell(3, 0.7).hash()), "");
        Files.writeString(store.cellFile(cell(4, 0.7).hash()), "{}");

        StoreContents contents = store.contents();
        assertEquals(List.of(5L, 6L), contents.cells().stream().map(c -> c.spec().seed()).sorted().toList());
        java.util.Map<Path, String> problems = new java.util.HashMap<>();
        contents.unreadable().forEach(u -> problems.put(u.file(), u.problem()));
        assertEquals(5, problems.size(), problems.toString());
        assertEquals("fails its checksum (truncated or edited)", problems.get(edited));
        assertTrue(problems.get(truncated).startsWith("is not valid JSON"), problems.get(truncated));
        assertEquals("is empty (0 bytes)", problems.get(store.cellFile(cell(3, 0.7).hash())));
        assertEquals("is an empty JSON object ({})", problems.get(store.cellFile(cell(4, 0.7).hash())));
        assertEquals("was stored by another schema (1, expected " + CellRecord.SCHEMA + ")",
                problems.get(store.cellFile(cell(1, 7, 0.7).hash())));
        for (long seed = 1; seed <= 4; seed++) {
            assertTrue(store.find(cell(seed, 0.7).hash()).isEmpty(), "an unreadable cell is never reused");
        }
        assertTrue(store.find(cell(1, 7, 0.7).hash()).isEmpty(), "a cell of another schema is never reused");
        assertEquals(2, store.readAll().size());
    }

    @Test
    void aGridCellIsMissingWhenNoCellOfItsSpecIsStored() throws IOException {
        ResultsStore store = new ResultsStore(dir);
        store.write(cell(1, 0.5));
        store.write(cell(2, 0.5));
        Files.writeString(store.cellFile(cell(2, 0.5).hash()), "{}");
        List<RunSpec> grid = List.of(cell(1, 0).spec(), cell(2, 0).spec(), cell(3, 0).spec());
        assertEquals(List.of(cell(3, 0).spec()), store.contents().missing(grid, ENV.codeVersion(), "cpu"),
                "stored by any code version counts; an unreadable file under the cell's name is reported as unreadable");
        assertEquals(List.of(cell(2, 0).spec(), cell(3, 0).spec()), store.contents().missing(grid, "other", "cpu"));
    }

    @Test
    void theCommittedBaselineReadsWithTheCurrentSchemaAndValidChecksums() throws IOException {
        Path quick = Path.of("..", "results", "baselines", "quick");
        StoreContents contents = new ResultsStore(quick).contents();
        assertEquals(List.of(), contents.unreadable());
        long files;
        try (var list = Files.list(quick.resolve(ResultsStore.CELLS))) {
            files = list.filter(f -> f.toString().endsWith(".json")).count();
        }
        assertTrue(files > 0, "the baseline holds cells");
        assertEquals(files, contents.cells().size());
        assertTrue(contents.cells().stream().allMatch(c -> c.schema() == CellRecord.SCHEMA && c.checksum().length() == 64));
    }

    @Test
    void hashDependsOnSpecCodeAndBackend() {
        RunSpec a = cell(1, 0).spec();
        RunSpec b = cell(2, 0).spec();
        assertEquals(SpecHash.of(a, "v1", "cpu"), SpecHash.of(a, "v1", "cpu"));
        assertNotEquals(SpecHash.of(a, "v1", "cpu"), SpecHash.of(b, "v1", "cpu"));
        assertNotEquals(SpecHash.of(a, "v1", "cpu"), SpecHash.of(a, "v2", "cpu"));
        assertNotEquals(SpecHash.of(a, "v1", "cpu"), SpecHash.of(a, "v1", "cuda"));
    }

    @Test
    void unwritableFolderIsReportedBeforeWork() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        IOException e = assertThrows(IOException.class, () -> new ResultsStore(blocker.resolve("sub")).checkWritable());
        assertTrue(e.getMessage().contains("cannot create results folder"), e.getMessage());
    }

    @Test
    void tidyCsvQuotesWhereNeeded() {
        assertEquals("\"a,b\"", TidyCsv.field("a,b"));
        assertEquals("plain", TidyCsv.field("plain"));
        String csv = TidyCsv.format(List.of(cell(3, 0.25)));
        assertEquals(TidyCsv.HEADER + "\nm,d,3,auroc,mean,0.25\n", csv);
    }
}
