package io.kdbench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/**
 * Facts about the code and machine that a stored cell records as provenance. Computed once per run.
 *
 * <p>{@code codeHash} identifies the code that computes cells: the git tree ids of harness, datasets and methods
 * ({@code src/main}) and their poms. It names cells instead of the commit, so a commit that touches only docs,
 * tests or reports keeps the stored cells; {@code gitDirty} is true when those paths have uncommitted changes.
 */
public record Environment(String kdbenchVersion, String gitCommit, boolean gitDirty, String javaVersion,
                          String os, String cpuModel, int availableProcessors, String backendName,
                          Map<String, String> backendVersions, Map<String, String> device, String codeHash) {

    /** Where the code that computes cells lives (its git tree ids make {@link #codeHash}). */
    static final List<String> CODE_PATHS = List.of("harness/src/main", "datasets/src/main", "methods/src/main",
            "pom.xml", "harness/pom.xml", "datasets/pom.xml", "methods/pom.xml");

    /**
     * What computed a cell's numbers besides the code: the backend, its natives, and the settings that decide the
     * floating point (OpenMP threads per op, the instruction sets oneDNN and OpenBLAS may use, which the launcher
     * pins). Unpinned (--fast), the CPU's own widest instruction set decides, so it is part of the identity then.
     * Part of every cell's name.
     */
    public String computeIdentity() {
        StringBuilder id = new StringBuilder(backendName).append(' ')
                .append(backendVersions.getOrDefault("natives", "unknown-natives"));
        for (String key : List.of("OMP_NUM_THREADS", "DNNL_MAX_CPU_ISA", "OPENBLAS_CORETYPE")) {
            id.append(' ').append(key).append('=').append(device.getOrDefault(key, "unset"));
        }
        if (device.getOrDefault("DNNL_MAX_CPU_ISA", "unset").equals("unset")) {
            id.append(" cpuIsa=").append(device.getOrDefault("cpuIsa", "unknown"));
        }
        return id.toString();
    }

    /** The code version that names stored cells: kdbench version plus code hash (and dirty mark). */
    public String codeVersion() {
        return kdbenchVersion + "+" + codeHash + (gitDirty ? "-dirty" : "");
    }

    public static Environment detect(ComputeBackend backend) {
        String[] git = gitState();
        return new Environment(
                detectKdbenchVersion(),
                git[0],
                Boolean.parseBoolean(git[1]),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                detectCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                backend == null ? "none" : backend.name(),
                backend == null ? Map.of() : new LinkedHashMap<>(backend.versions()),
                backend == null ? Map.of() : new LinkedHashMap<>(backend.device()),
                git[2]);
    }

    /** The backend on the classpath, or null when none is (pure-metric commands). */
    public static ComputeBackend findBackend(ClassLoader loader) {
        List<ComputeBackend> all = ServiceLoader.load(ComputeBackend.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (all.size() > 1) {
            throw new IllegalStateException("more than one compute backend on the classpath: "
                    + all.stream().map(ComputeBackend::name).toList());
        }
        return all.isEmpty() ? null : all.get(0);
    }

    static String detectKdbenchVersion() {
        String v = Environment.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String detectCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return System.getProperty("os.arch");
    }

    /** {commit, dirty, code hash} of the working directory's git checkout, or unknowns outside one. */
    static String[] gitState() {
        String commit = run("git", "rev-parse", "HEAD");
        if (commit == null || commit.isBlank()) {
            return new String[] {"unknown", "false", "unknown"};
        }
        List<String> status = new java.util.ArrayList<>(List.of("git", "status", "--porcelain", "--untracked-files=no", "--"));
        status.addAll(CODE_PATHS);
        String changes = run(status.toArray(String[]::new));
        List<String> trees = new java.util.ArrayList<>(List.of("git", "rev-parse"));
        CODE_PATHS.forEach(path -> trees.add("HEAD:" + path));
        String ids = run(trees.toArray(String[]::new));
        String codeHash = ids == null ? commit.trim().substring(0, 12) : sha256(ids).substring(0, 12);
        return new String[] {commit.trim(), String.valueOf(changes != null && !changes.isBlank()), codeHash};
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null; // git not installed: provenance says "unknown"
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
