package io.kdbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Benchmark your own method", end to end: installs kdbench's API (harness and parent pom) into a private local
 * repository, builds {@code examples/new-method} against it, runs it beside a built-in method with
 * {@code run --with JAR}, and gates it with {@code compare --method NEW --against X}.
 * The private repository is a copy-free view of ~/.m2/repository (symlinks to everything but io/kdbench), so that
 * the shared repository's kdbench snapshots are never overwritten (Maven may fetch a missing plugin from Central).
 */
class ExampleMethodTest {
    @TempDir
    Path dir;

    @Test
    void buildsRunsAndGatesTheExampleMethod() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path repo = privateRepository(root.resolve("cli/target/example-m2"));
        mvn(root, repo, "install", "-DskipTests", "-pl", "harness", "-am");
        Path example = root.resolve("examples/new-method");
        mvn(example, repo, "package");
        Path jar = example.resolve("target/nearest-centroid.jar");
        assertTrue(Files.isRegularFile(jar), jar.toString());

        Path experiment = dir.resolve("mine.yaml");
        Files.writeString(experiment, """
                name: mine
                output: %s
                seeds: [1, 2]
                metrics: [accuracy, auroc]
                methods:
                  - id: nearest-centroid
                  - id: vit-student
                    params: {steps: 4, batch_size: 16, width: 16, heads: 2, depth: 1}
                datasets:
                  - id: toy-blobs
                    params: {size: 16, n_train: 32, n_val: 4, n_test: 16}
                """.formatted(dir.resolve("out")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true));
        int run;
        int gate;
        try {
            run = Main.execute("run", "--quiet", "--with", jar.toString(), experiment.toString());
            gate = Main.execute("compare", "--candidate", dir.resolve("out").toString(),
                    "--method", "nearest-centroid", "--against", "vit-student");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, run, out.toString());
        assertTrue(out.toString().contains("nearest-centroid"), out.toString());
        assertTrue(Files.readString(dir.resolve("out/report/index.html")).contains("nearest-centroid"));
        // nearest-centroid puts each toy-blobs test image with the class whose mean it is nearest to; the blobs are
        // apart, so it is not worse than a ViT trained for 4 steps on either seed: the gate passes (exit 0)
        assertEquals(0, gate, out.toString());
        assertTrue(out.toString().contains("nearest-centroid vs vit-student"), out.toString());
    }

    /** A local repository that links to every entry of ~/.m2/repository except io/kdbench, which stays private. */
    static Path privateRepository(Path repo) throws IOException {
        Path shared = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Files.createDirectories(repo.resolve("io"));
        link(shared, repo, "io");
        try (DirectoryStream<Path> io = Files.newDirectoryStream(shared.resolve("io"))) {
            for (Path p : io) {
                if (!p.getFileName().toString().equals("kdbench") && !Files.exists(repo.resolve("io").resolve(p.getFileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(repo.resolve("io").resolve(p.getFileName()), p);
                }
            }
        }
        return repo;
    }

    private static void link(Path shared, Path repo, String except) throws IOException {
        try (DirectoryStream<Path> top = Files.newDirectoryStream(shared)) {
            for (Path p : top) {
                Path target = repo.resolve(p.getFileName());
                if (!p.getFileName().toString().equals(except) && !Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(target, p);
                }
            }
        }
    }

    private static void mvn(Path dir, Path repo, String... goals) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-Dmaven.repo.local=" + repo));
        cmd.addAll(List.of(goals));
        Path log = Files.createTempFile("mvn", ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("mvn " + String.join(" ", goals) + " timed out");
        }
        assertEquals(0, p.exitValue(), "mvn " + String.join(" ", goals) + " in " + dir + ":\n" + Files.readString(log));
    }
}
