package io.kdbench.methods.backend;

import io.kdbench.env.ComputeBackend;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ND4J backend on the classpath (native CPU or CUDA), as the harness sees it. */
public final class Nd4jBackend implements ComputeBackend {
    static final String ND4J_VERSION = "1.0.0-M2.1";
    /** OpenMP threads per op, and the instruction sets oneDNN and OpenBLAS may choose kernels from. */
    static final java.util.List<String> PINNED = java.util.List.of("OMP_NUM_THREADS", "DNNL_MAX_CPU_ISA",
            "OPENBLAS_CORETYPE");

    @Override
    public String name() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        return backend.toLowerCase().contains("cuda") ? "cuda" : "cpu";
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("nd4j", ND4J_VERSION);
        v.put("dl4j", ND4J_VERSION);
        v.put("nd4jBackend", Nd4j.getBackend().getClass().getName());
        String ext = System.getProperty("javacpp.platform.extension", "");
        v.put("natives", "linux-x86_64" + ext);
        return v;
    }

    @Override
    public Map<String, String> device() {
        Map<String, String> d = new LinkedHashMap<>();
        java.util.Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        env.forEach((k, val) -> d.put(String.valueOf(k), String.valueOf(val)));
        d.put("ompThreads", String.valueOf(Nd4j.getEnvironment().maxMasterThreads()));
        // what decides the floating point besides the code (the launcher pins them): part of a cell's identity
        for (String key : PINNED) {
            d.put(key, System.getenv().getOrDefault(key, "unset"));
        }
        d.put("cpuIsa", CpuIsa.highest());
        return d;
    }

    @Override
    public void seed(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }
}
