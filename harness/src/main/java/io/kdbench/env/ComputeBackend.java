package io.kdbench.env;

import java.util.Map;

/**
 * The numeric backend that methods train on (ND4J CPU or CUDA), found through {@link java.util.ServiceLoader}
 * so that the harness itself needs no DL4J. Exactly one is expected on the classpath of a run.
 */
public interface ComputeBackend {
    /** e.g. "cpu" or "cuda". */
    String name();

    /** Library versions as found on the class path, e.g. {"nd4j": "1.0.0-M2.1", "natives": "linux-x86_64-onednn-avx2"}. */
    Map<String, String> versions();

    /** CPU model or GPU name and the thread count the backend uses. */
    Map<String, String> device();

    /** Seeds the backend's global random generator. */
    void seed(long seed);
}
