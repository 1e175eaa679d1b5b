package io.kdbench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Facts about the code and machine that a stored cell records as provenance. Computed once per run.
 *
 * <p>{@code codeHash} identifies the code that computes cells (harness, datasets and methods {@code src/main} and
 * their poms, see {@link GitState}): committed, their git tree ids, so a commit that touches only docs, tests or
 * reports keeps the stored cells; with uncommitted changes ({@code gitDirty}), the content of their files, so two
 * different edits give two names; outside a git checkout, "unknown" (such cells are never reused).
 */
public record Environment(String kdbenchVersion, String gitCommit, boolean gitDirty, String javaVersion,
                          String os, String cpuModel, int availableProcessors, String backendName,
                          Map<String, String> backendVersions, Map<String, String> device, String codeHash)
        implements java.io.Serializable { // a cluster task gets the driver's, to name its cell by the same code

    /** Where the code that computes cells lives (its git trees, or its files' content, make {@link #codeHash}). */
    static final List<String> CODE_PATHS = List.of("harness/src/main", "datasets/src/main", "methods/src/main",
            "pom.xml", "harness/pom.xml", "datasets/pom.xml", "methods/pom.xml");

    /** The settings that decide the floating point besides the code: OpenMP threads per op, oneDNN's and OpenBLAS's kernels. */
    public static final List<String> PINNED = List.of("OMP_NUM_THREADS", "DNNL_MAX_CPU_ISA", "OPENBLAS_CORETYPE");

    /**
     * What computed a cell's numbers besides the code: the backend, its natives, and the settings that decide the
     * floating point (OpenMP threads per op, the instruction sets oneDNN and OpenBLAS may use, which the launcher
     * pins). Unpinned (--fast), the CPU's own widest instruction set decides, so it is part of the identity then.
     * Part of every cell's name.
     */
    public String computeIdentity() {
        StringBuilder id = new StringBuilder(backendName).append(' ')
                .append(backendVersions.getOrDefault("natives", "unknown-natives"));
        for (String key : PINNED) {
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

    /** False outside a git checkout: then nothing says which code computed a cell, and it is never reused. */
    public boolean codeVersionKnown() {
        return !GitState.UNKNOWN.equals(codeHash);
    }

    /** The environment of this process, with the git state of the working directory's checkout. */
    public static Environment detect(ComputeBackend backend) {
        GitState git = GitState.of(Path.of("").toAbsolutePath());
        return new Environment(
                detectKdbenchVersion(),
                git.commit(),
                git.dirty(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                detectCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                backend == null ? "none" : backend.name(),
                backend == null ? Map.of() : new LinkedHashMap<>(backend.versions()),
                backend == null ? Map.of() : new LinkedHashMap<>(backend.device()),
                git.codeHash());
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

    /** Set by the launcher when the JVM runs on a CPU model emulated by QEMU's user mode (KDBENCH_EMULATE_CPU). */
    public static final String EMULATED_CPU = "kdbench.emulatedCpu";

    static String detectCpuModel() {
        String emulated = System.getProperty(EMULATED_CPU);
        // QEMU's user mode passes the host's /proc/cpuinfo through: name both, the emulated CPU first
        return emulated == null ? hostCpuModel() : emulated + " (emulated by QEMU on " + hostCpuModel() + ")";
    }

    private static String hostCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            return Files.isReadable(cpuinfo) ? cpuModel(Files.readAllLines(cpuinfo)) : System.getProperty("os.arch");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * The first processor's model name with its family, model and stepping, e.g. "AMD EPYC (family 25, model 17,
     * stepping 1)": virtual machines often show a bare "AMD EPYC" for CPUs of different generations, which run the
     * same cells at different speeds (and, unpinned, could round differently).
     */
    static String cpuModel(List<String> cpuinfo) {
        Map<String, String> first = new LinkedHashMap<>();
        for (String line : cpuinfo) {
            if (line.isBlank() && !first.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                first.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        String name = first.getOrDefault("model name", first.getOrDefault("Processor", System.getProperty("os.arch")));
        List<String> parts = new ArrayList<>();
        for (String key : List.of("cpu family", "model", "stepping")) {
            if (first.containsKey(key)) {
                parts.add(key.replace("cpu ", "") + " " + first.get(key));
            }
        }
        return parts.isEmpty() ? name : name + " (" + String.join(", ", parts) + ")";
    }
}
