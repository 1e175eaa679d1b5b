package io.kdbench.env;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A cell's compute identity: the settings that decide its floating point, and the CPU's ISA only when unpinned.
 * A cell's code version: git trees when committed, file content with uncommitted changes, unknown outside git.
 */
class EnvironmentTest {
    @TempDir
    Path dir;

    private static Environment env(Map<String, String> device) {
        return new Environment("0.1", "abc", false, "17", "linux", "cpu", 2, "cpu",
                Map.of("natives", "linux-x86_64-onednn-avx2"), device, "code0");
    }

    @Test
    void pinnedCellsAreNamedByTheirPinsAndNotByTheCpu() {
        Environment avx512 = env(Map.of("OMP_NUM_THREADS", "1", "DNNL_MAX_CPU_ISA", "AVX2",
                "OPENBLAS_CORETYPE", "Haswell", "cpuIsa", "avx512f"));
        Environment avx2 = env(Map.of("OMP_NUM_THREADS", "1", "DNNL_MAX_CPU_ISA", "AVX2",
                "OPENBLAS_CORETYPE", "Haswell", "cpuIsa", "avx2"));
        assertEquals("cpu linux-x86_64-onednn-avx2 OMP_NUM_THREADS=1 DNNL_MAX_CPU_ISA=AVX2 OPENBLAS_CORETYPE=Haswell",
                avx512.computeIdentity());
        assertEquals(avx512.computeIdentity(), avx2.computeIdentity(), "the same cells on both CPUs");
    }

    @Test
    void unpinnedCellsAreNamedByTheCpusWidestInstructionSet() {
        Environment avx512 = env(Map.of("OMP_NUM_THREADS", "1", "cpuIsa", "avx512f"));
        Environment avx2 = env(Map.of("OMP_NUM_THREADS", "1", "cpuIsa", "avx2"));
        assertEquals("cpu linux-x86_64-onednn-avx2 OMP_NUM_THREADS=1 DNNL_MAX_CPU_ISA=unset OPENBLAS_CORETYPE=unset"
                + " cpuIsa=avx512f", avx512.computeIdentity());
        assertNotEquals(avx512.computeIdentity(), avx2.computeIdentity());
        assertNotEquals(env(Map.of("OMP_NUM_THREADS", "2", "cpuIsa", "avx2")).computeIdentity(),
                avx2.computeIdentity(), "another thread count sums in another order");
    }

    @Test
    void anEmulatedCpuIsNamedBeforeTheHostWhoseCpuinfoQemuPassesThrough() {
        String host = Environment.detectCpuModel();
        System.setProperty(Environment.EMULATED_CPU, "EPYC-Milan");
        try {
            assertEquals("EPYC-Milan (emulated by QEMU on " + host + ")", Environment.detectCpuModel());
        } finally {
            System.clearProperty(Environment.EMULATED_CPU);
        }
        assertEquals(host, Environment.detectCpuModel());
    }

    @Test
    void theCpuIsNamedWithItsFamilyModelAndSteppingSoTwoGenerationsBehindOneNameDiffer() {
        List<String> zen4 = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "cpu family\t: 25", "model\t\t: 17",
                "model name\t: AMD EPYC", "stepping\t: 1", "flags\t\t: fpu avx2", "", "processor\t: 1",
                "cpu family\t: 99", "model name\t: another");
        assertEquals("AMD EPYC (family 25, model 17, stepping 1)", Environment.cpuModel(zen4), "the first processor's");
        List<String> zen5 = List.of("cpu family\t: 26", "model\t\t: 2", "model name\t: AMD EPYC", "stepping\t: 0");
        assertNotEquals(Environment.cpuModel(zen4), Environment.cpuModel(zen5));
        assertEquals("Intel(R) Xeon(R) Gold 6338", Environment.cpuModel(List.of("model name : Intel(R) Xeon(R) Gold 6338")),
                "no family lines: the name alone");
    }

    /** A git checkout with kdbench's code paths, one commit. */
    private Path checkout() throws Exception {
        assumeTrue(gitWorks(), "git is not installed");
        Path repo = dir.resolve("repo");
        for (String path : Environment.CODE_PATHS) {
            Path p = repo.resolve(path);
            if (path.endsWith("pom.xml")) {
                Files.createDirectories(p.getParent());
                Files.writeString(p, "<project/>\n");
            } else {
                Files.createDirectories(p);
                Files.writeString(p.resolve("Code.java"), "class Code {}\n");
            }
        }
        Files.writeString(repo.resolve(".gitignore"), "*.tmp\n");
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "code");
        return repo;
    }

    private static boolean gitWorks() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    private static Environment withCode(GitState git) {
        return new Environment("0.1", git.commit(), git.dirty(), "17", "linux", "cpu", 2, "cpu", Map.of(), Map.of(),
                git.codeHash());
    }

    @Test
    void twoDifferentUncommittedEditsGiveTwoCodeVersions() throws Exception {
        Path repo = checkout();
        GitState clean = GitState.of(repo);
        assertFalse(clean.dirty());
        assertTrue(clean.codeHash().matches("[0-9a-f]{12}"), clean.codeHash());
        assertEquals(clean, GitState.of(repo.resolve("methods/src")), "the same from any folder of the checkout");

        Path code = repo.resolve("methods/src/main/Code.java");
        Files.writeString(code, "class Code { int a; }\n");
        GitState one = GitState.of(repo);
        Files.writeString(code, "class Code { int b; }\n");
        GitState other = GitState.of(repo);
        assertTrue(one.dirty() && other.dirty());
        assertNotEquals(withCode(one).codeVersion(), withCode(other).codeVersion(), "two edits, two names");
        assertNotEquals(withCode(clean).codeVersion(), withCode(one).codeVersion());
        assertTrue(withCode(one).codeVersion().endsWith("-dirty"), withCode(one).codeVersion());

        Files.writeString(code, "class Code { int a; }\n");
        assertEquals(one, GitState.of(repo), "the same edit, the same name");
        Files.writeString(code, "class Code {}\n");
        assertEquals(clean, GitState.of(repo), "undone, the committed name again");
    }

    @Test
    void anUntrackedFileUnderTheCodePathsChangesTheCodeVersionAndIgnoredOrOutsideFilesDoNot() throws Exception {
        Path repo = checkout();
        GitState clean = GitState.of(repo);
        Path added = repo.resolve("methods/src/main/Added.java");
        Files.writeString(added, "class Added {}\n");
        GitState withNew = GitState.of(repo);
        assertTrue(withNew.dirty());
        assertNotEquals(clean.codeHash(), withNew.codeHash());
        Files.writeString(added, "class Added { int x; }\n");
        assertNotEquals(withNew.codeHash(), GitState.of(repo).codeHash(), "its content counts");
        Files.delete(added);

        Files.writeString(repo.resolve("methods/src/main/scratch.tmp"), "ignored");
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/notes.md"), "not code");
        Files.writeString(repo.resolve("README.md"), "not code");
        assertEquals(clean, GitState.of(repo), "ignored files and files outside the code paths keep the name");
    }

    @Test
    void outsideAGitCheckoutTheCodeVersionIsUnknown() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        GitState none = GitState.of(plain);
        assertEquals(GitState.UNKNOWN, none.codeHash());
        assertFalse(withCode(none).codeVersionKnown());
        assertTrue(env(Map.of()).codeVersionKnown());
    }
}
