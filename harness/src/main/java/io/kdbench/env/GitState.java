package io.kdbench.env;

import io.kdbench.io.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The git state of the code that computes cells ({@link Environment#CODE_PATHS}), which names stored cells.
 *
 * <p>Committed code is named by the git tree ids of those paths (a commit that changes only docs or tests keeps
 * the names). Uncommitted changes there (tracked edits and untracked files that git does not ignore) are named by
 * the content of every file under the paths instead: two different edits must never share a cell name. Outside a
 * git checkout of kdbench the code is unknown ({@link #UNKNOWN}): such cells are never reused.
 *
 * @param commit   the checked-out commit, or "unknown"
 * @param dirty    whether the code paths have uncommitted changes
 * @param codeHash 12 hex digits naming the code, or "unknown"
 */
public record GitState(String commit, boolean dirty, String codeHash) {
    public static final String UNKNOWN = "unknown";
    static final GitState NONE = new GitState(UNKNOWN, false, UNKNOWN);

    /** The state of the checkout that holds {@code dir} (any folder inside it), or {@link #NONE} outside one. */
    static GitState of(Path dir) {
        String top = git(dir, "rev-parse", "--show-toplevel");
        if (top == null || top.isBlank()) {
            return NONE;
        }
        Path root = Path.of(top.trim());
        String commit = git(root, "rev-parse", "HEAD");
        List<String> trees = new ArrayList<>(List.of("rev-parse"));
        Environment.CODE_PATHS.forEach(path -> trees.add("HEAD:" + path));
        String ids = git(root, trees.toArray(String[]::new));
        if (commit == null || ids == null) {
            return NONE; // no commit yet, or not a kdbench checkout: the code paths are not all there
        }
        List<String> status = new ArrayList<>(List.of("status", "--porcelain", "--untracked-files=all", "--"));
        status.addAll(Environment.CODE_PATHS);
        String changes = git(root, status.toArray(String[]::new));
        if (changes == null) {
            return NONE;
        }
        if (changes.isBlank()) {
            return new GitState(commit.trim(), false, Sha256.hex(ids.getBytes(StandardCharsets.UTF_8)).substring(0, 12));
        }
        String content = contentHash(root);
        return content == null ? NONE : new GitState(commit.trim(), true, content);
    }

    /**
     * SHA-256 over the sorted relative paths and bytes of every tracked or untracked, not ignored, file under the
     * code paths (a tracked file deleted from the working tree counts as deleted).
     */
    private static String contentHash(Path root) {
        List<String> ls = new ArrayList<>(List.of("ls-files", "-z", "--cached", "--others", "--exclude-standard", "--"));
        ls.addAll(Environment.CODE_PATHS);
        String listed = git(root, ls.toArray(String[]::new));
        if (listed == null) {
            return null;
        }
        List<String> files = Arrays.stream(listed.split("\0")).filter(f -> !f.isEmpty()).distinct().sorted().toList();
        try {
            MessageDigest all = Sha256.digest();
            for (String f : files) {
                Path file = root.resolve(f);
                String content = Files.isRegularFile(file) ? Sha256.hex(Files.readAllBytes(file)) : "deleted";
                all.update((f + "\0" + content + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return Sha256.hex(all).substring(0, 12);
        } catch (IOException e) {
            return null;
        }
    }

    /** git's output, or null when git is missing, fails or takes too long. */
    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // git not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
