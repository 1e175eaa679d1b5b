package io.kdbench.cli;

import io.kdbench.api.MetricResult;
import io.kdbench.api.Role;
import io.kdbench.env.Environment;
import io.kdbench.learning.LearningVerdict;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's exit codes on constructed stores: a clear regression, no change, an improvement, bad input. */
class CompareCommandTest {
    static final Environment ENV = new Environment("0.1.0", "abc", false, "17", "linux", "cpu", 2, "cpu", Map.of(), Map.of(), "code0");
    static final LearningVerdict LEARNED = new LearningVerdict(LearningVerdict.Status.LEARNED, "accuracy", 0.8, 0.5, 0.3, 0.69, "fixture");
    static final LearningVerdict NOT_LEARNED =
            new LearningVerdict(LearningVerdict.Status.NOT_LEARNED, "accuracy", 0.45, 0.5, 0.68, 0.69, "fixture: did not learn");

    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream out = console.out;
    private final ByteArrayOutputStream err = console.err;

    /** A results folder with method m (and optionally x) on dataset d, accuracy over seeds 1..n, learned on every seed. */
    static Path store(Path dir, String method, double... accuracy) throws IOException {
        return storeNotLearning(dir, method, 0, accuracy);
    }

    /** As {@link #store}, but seeds 1..notLearned did not learn. */
    static Path storeNotLearning(Path dir, String method, int notLearned, double... accuracy) throws IOException {
        return store(dir, ENV, method, notLearned, accuracy);
    }

    /** As {@link #storeNotLearning}, computed in the environment {@code env}. */
    static Path store(Path dir, Environment env, String method, int notLearned, double... accuracy) throws IOException {
        ResultsStore store = new ResultsStore(dir);
        store.checkWritable();
        for (int i = 0; i < accuracy.length; i++) {
            RunSpec spec = new RunSpec(method, method, Map.of(), "d", "d", Map.of(), i + 1, List.of("accuracy"), "nan");
            MetricResult r = new MetricResult("accuracy", Map.of("mean", new MetricResult.Aggregate(accuracy[i], 10, 0, 10)),
                    Map.of(), "");
            store.write(CellRecord.builder(SpecHash.of(spec, env.codeVersion(), "cpu"), spec,
                            new Provenance(env, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "kdbench run x"),
                            Role.COMPETITOR)
                    .seconds(1, 0.1).model(100, false).learning(i < notLearned ? NOT_LEARNED : LEARNED)
                    .metrics(Map.of("accuracy", r)).build());
        }
        return dir;
    }

    private int compare(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.execute(all);
    }

    @Test
    void aClearRegressionExitsOne() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        Path cand = store(dir.resolve("cand"), "m", 0.70, 0.71, 0.72);
        assertEquals(1, compare("--baseline", base.toString(), "--candidate", cand.toString()));
        assertTrue(out.toString().contains("worse") && out.toString().contains("gate: FAIL"), out.toString());
    }

    @Test
    void noChangeExitsZero() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        assertEquals(0, compare("--baseline", base.toString(), "--candidate", base.toString()));
        assertTrue(out.toString().contains("gate: PASS: 0 worse, 1 same"), out.toString());
        assertFalse(err.toString().contains("WARNING"), err.toString());
    }

    @Test
    void cellsOfAnotherCodeVersionOrComputeIdentityAreComparedWithOneWarningNamingBoth() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        Environment other = new Environment("0.1.0", "def", true, "17", "linux", "cpu", 2, "cpu",
                Map.of("natives", "linux-x86_64"), Map.of("OMP_NUM_THREADS", "1"), "code1");
        Path cand = store(dir.resolve("cand"), other, "m", 0, 0.80, 0.82, 0.84);
        assertEquals(0, compare("--baseline", base.toString(), "--candidate", cand.toString()));
        List<String> warnings = err.toString().lines().filter(l -> l.contains("WARNING")).toList();
        assertEquals(1, warnings.size(), err.toString());
        String w = warnings.get(0);
        assertTrue(w.contains("code versions (baseline: 0.1.0+code0; candidate: 0.1.0+code1-dirty)")
                && w.contains("compute identities (baseline: " + ENV.computeIdentity() + "; candidate: "
                + other.computeIdentity() + ")"), w);
    }

    @Test
    void anUnreadableCellFileStopsTheGateUnlessIgnoredAndIsNamedEitherWay() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        Path cand = store(dir.resolve("cand"), "m", 0.80, 0.82, 0.84);
        Path empty = cand.resolve("cells/empty.json");
        Files.writeString(empty, "");
        Path braces = base.resolve("cells/braces.json");
        Files.writeString(braces, "{}");
        assertEquals(2, compare("--baseline", base.toString(), "--candidate", cand.toString()));
        String e = err.toString();
        assertTrue(e.contains("unreadable cell file " + braces + ": is an empty JSON object ({})")
                && e.contains("unreadable cell file " + empty + ": is empty (0 bytes)"), e);
        assertTrue(e.contains("2 cell files cannot be read") && e.contains("--ignore-unreadable"), e);
        assertEquals("", out.toString(), "no verdict on part of a store");

        err.reset();
        assertEquals(0, compare("--baseline", base.toString(), "--candidate", cand.toString(), "--ignore-unreadable"));
        assertTrue(err.toString().contains("unreadable cell file " + empty), err.toString());
        assertTrue(out.toString().contains("gate: PASS: 0 worse, 1 same"), out.toString());
    }

    @Test
    void reportNamesUnreadableCellFilesAndStillWritesTheReport() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        Path truncated = base.resolve("cells/truncated.json");
        Files.writeString(truncated, "{\"schema\" : 2, \"hash\" : \"ab");
        assertEquals(0, Main.execute("report", base.toString()), err.toString());
        assertTrue(err.toString().contains("unreadable cell file " + truncated + ": is not valid JSON"), err.toString());
        String page = Files.readString(base.resolve("report/index.html"));
        assertTrue(page.contains("1 cell file could not be read") && page.contains(truncated.toString()), page);
    }

    @Test
    void anImprovementExitsZeroAndJsonSaysBetter() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        Path cand = store(dir.resolve("cand"), "m", 0.92, 0.93, 0.95);
        assertEquals(0, compare("--baseline", base.toString(), "--candidate", cand.toString(), "--json"));
        String json = out.toString();
        assertTrue(json.contains("\"verdict\" : \"BETTER\"") && json.contains("\"passed\" : true"), json);
    }

    @Test
    void methodAgainstMethod() throws IOException {
        Path both = store(dir.resolve("both"), "new", 0.60, 0.61, 0.62);
        store(both, "x", 0.80, 0.82, 0.84);
        assertEquals(1, compare("--candidate", both.toString(), "--method", "new", "--against", "x"));
        assertTrue(out.toString().contains("new vs x"), out.toString());
    }

    @Test
    void aCandidateThatStopsLearningExitsOneThoughItsNumbersAreEqual() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        Path cand = storeNotLearning(dir.resolve("cand"), "m", 1, 0.80, 0.82, 0.84);
        assertEquals(1, compare("--baseline", base.toString(), "--candidate", cand.toString()));
        String s = out.toString();
        assertTrue(s.contains("candidate row did not learn (1 of 3 seeds)") && s.contains("gate: FAIL: 1 worse"), s);
    }

    @Test
    void aBaselineThatDidNotLearnIsNotEvidenceAndExitsZero() throws IOException {
        Path base = storeNotLearning(dir.resolve("base"), "m", 2, 0.80, 0.82, 0.84);
        Path cand = store(dir.resolve("cand"), "m", 0.50, 0.51, 0.52);
        assertEquals(0, compare("--baseline", base.toString(), "--candidate", cand.toString()));
        String s = out.toString();
        assertTrue(s.contains("not evidence: baseline row did not learn (2 of 3 seeds)")
                && s.contains("gate: PASS: 0 worse, 0 same, 0 better, 0 not compared, 1 not evidence"), s);
        out.reset();
        assertEquals(0, compare("--baseline", base.toString(), "--candidate", cand.toString(), "--json"));
        String json = out.toString();
        assertTrue(json.contains("\"verdict\" : \"NOT_EVIDENCE\"") && json.contains("\"passed\" : true")
                && json.contains("not evidence: baseline row did not learn (2 of 3 seeds)"), json);
    }

    @Test
    void methodAgainstAMethodThatDidNotLearnIsNotEvidence() throws IOException {
        Path both = store(dir.resolve("both"), "new", 0.60, 0.61, 0.62);
        storeNotLearning(both, "x", 1, 0.80, 0.82, 0.84);
        assertEquals(0, compare("--candidate", both.toString(), "--method", "new", "--against", "x"));
        String s = out.toString();
        assertTrue(s.contains("not evidence") && s.contains("new vs x") && s.contains("not evidence: x did not learn (1 of 3 seeds)"), s);
    }

    @Test
    void badInputExitsTwoWithOneMessage() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        assertEquals(2, compare("--baseline", dir.resolve("missing").toString(), "--candidate", base.toString()));
        assertTrue(err.toString().contains("no such results folder"), err.toString());
        err.reset();
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(2, compare("--baseline", dir.resolve("empty").toString(), "--candidate", base.toString()));
        assertTrue(err.toString().contains("not a results folder"), err.toString());
        assertEquals(2, compare("--candidate", base.toString()));
        assertEquals(2, compare("--baseline", base.toString(), "--candidate", base.toString(), "--margin", "-1"));
        assertEquals(2, compare("--candidate", base.toString(), "--method", "nope", "--against", "m"));
        Path other = store(dir.resolve("other"), "z", 0.5, 0.6);
        assertEquals(2, compare("--baseline", base.toString(), "--candidate", other.toString()));
    }

    @Test
    void reportCommandWritesTheFolder() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        store(base, "x", 0.60, 0.61, 0.62);
        assertEquals(0, Main.execute("report", base.toString()), err.toString());
        assertTrue(Files.isRegularFile(base.resolve("report/index.html")));
        for (String ext : List.of("png", "svg", "pdf")) {
            assertTrue(Files.isRegularFile(base.resolve("report/charts/metrics-d." + ext)), ext);
        }
        assertEquals(2, Main.execute("report", dir.resolve("missing").toString()));
    }

    @Test
    void reportCommandWritesOneFigureAtAChosenWidthOrNamesTheFigures() throws IOException {
        Path base = store(dir.resolve("base"), "m", 0.80, 0.82, 0.84);
        store(base, "x", 0.60, 0.61, 0.62);
        Path out = dir.resolve("figures");
        assertEquals(0, Main.execute("report", base.toString(), "--figure", "params-d", "--width", "252",
                "--output", out.toString()), err.toString());
        for (String ext : List.of("png", "svg", "pdf")) {
            assertTrue(Files.isRegularFile(out.resolve("params-d." + ext)), ext);
        }
        assertTrue(Files.readString(out.resolve("params-d.svg")).contains("width=\"252\""));
        assertTrue(Files.notExists(base.resolve("report")), "only the figure is written");
        assertEquals(2, Main.execute("report", base.toString(), "--figure", "nope"));
        assertTrue(err.toString().contains("--figure nope: this report has no such figure; it has: metrics-d, params-d, time-d"),
                err.toString());
        assertEquals(2, Main.execute("report", base.toString(), "--width", "252"));
        assertTrue(err.toString().contains("--width needs --figure NAME"), err.toString());
    }
}
