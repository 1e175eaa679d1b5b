package io.kdbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input to {@code kdbench run} gives exit code 2, one message naming the file and the problem,
 * and leaves an existing results store exactly as it was.
 */
class BadInputTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();
    private final ByteArrayOutputStream err = console.err;

    private static final String GOOD = """
            seeds: [1]
            metrics: [accuracy]
            methods: [vit-student]
            datasets:
              - id: cxr-report
                params: {size: 32}
            """;

    /** Runs a file into a store that already holds one file, and checks the store is untouched. */
    private String refused(String yaml, String expected) throws IOException {
        Path store = dir.resolve("store");
        Files.createDirectories(store.resolve("cells"));
        Files.writeString(store.resolve("cells/existing.json"), "{}");
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "name: bad\noutput: " + store + "\n" + yaml);
        err.reset();
        assertEquals(2, Main.execute("run", "--quiet", f.toString()));
        String msg = err.toString().trim();
        assertEquals(1, msg.lines().count(), msg);
        assertTrue(msg.contains(f.toString()), "names the file: " + msg);
        assertTrue(msg.contains(expected), "says '" + expected + "': " + msg);
        try (Stream<Path> files = Files.walk(store)) {
            assertEquals(3, files.count(), "the store is left as it was");
        }
        return msg;
    }

    @Test
    void malformedYaml() throws IOException {
        refused(GOOD.replace("[1]", "[1"), "malformed YAML");
    }

    @Test
    void unknownIds() throws IOException {
        refused(GOOD.replace("[vit-student]", "[vit-stdent]"), "unknown method 'vit-stdent'");
        refused(GOOD.replace("cxr-report", "cxr-reprot"), "unknown dataset 'cxr-reprot'");
        refused(GOOD.replace("[accuracy]", "[acuracy]"), "unknown metric 'acuracy'");
    }

    @Test
    void wrongType() throws IOException {
        refused(GOOD.replace("{size: 32}", "{size: large}"), "cxr-report.size must be an integer");
        refused(GOOD.replace("seeds: [1]", "seeds: [one]"), "seeds must be an integer");
    }

    @Test
    void noSeeds() throws IOException {
        refused(GOOD.replace("[1]", "[]"), "seeds is empty");
    }

    @Test
    void negativeSizes() throws IOException {
        refused(GOOD.replace("{size: 32}", "{n_train: -5}"), "n_train must be >= 1");
        refused(GOOD.replace("{size: 32}", "{size: -32}"), "size must be in [16, 512]");
    }

    @Test
    void missingExperimentFile() {
        err.reset();
        assertEquals(2, Main.execute("run", dir.resolve("absent.yaml").toString()));
        assertTrue(err.toString().contains("absent.yaml: no such experiment file"), err.toString());
    }

    @Test
    void unwritableResultsFolder() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "");
        Path f = dir.resolve("ok.yaml");
        Files.writeString(f, "name: ok\noutput: " + blocker.resolve("sub") + "\n" + GOOD);
        err.reset();
        assertEquals(2, Main.execute("run", f.toString()));
        assertTrue(err.toString().contains("cannot create results folder"), err.toString());
        assertTrue(err.toString().contains(blocker.toString()), err.toString());
    }
}
