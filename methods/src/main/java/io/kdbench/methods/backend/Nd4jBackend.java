package io.kdbench.methods.backend;

import io.kdbench.env.ComputeBackend;
import io.kdbench.env.Environment;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The ND4J backend on the classpath (native CPU or CUDA), as the harness sees it. */
public final class Nd4jBackend implements ComputeBackend {
    /** Where the nd4j-api jar says which version it is (its manifest carries no Implementation-Version). */
    static final String ND4J_POM = "/META-INF/maven/org.nd4j/nd4j-api/pom.properties";

    @Override
    public String name() {
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        return backend.toLowerCase().contains("cuda") ? "cuda" : "cpu";
    }

    @Override
    public Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("nd4j", nd4jVersion());
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
        for (String key : Environment.PINNED) {
            d.put(key, System.getenv().getOrDefault(key, "unset"));
        }
        d.put("cpuIsa", CpuIsa.highest());
        return d;
    }

    /** The version of the nd4j-api jar on the class path, read from the jar itself; "unknown" if it does not say. */
    static String nd4jVersion() {
        Package p = Nd4j.class.getPackage();
        if (p != null && p.getImplementationVersion() != null) {
            return p.getImplementationVersion();
        }
        try (InputStream in = Nd4j.class.getResourceAsStream(ND4J_POM)) {
            if (in == null) {
                return "unknown";
            }
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public void seed(long seed) {
        Nd4j.getRandom().setSeed(seed);
    }
}
