package io.kdbench.run;

import io.kdbench.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Beside the values that differ, verify names what differs in the environments that computed them. */
class CellVerifierTest {
    private static Environment env(String cpu, String java, String nd4j, Map<String, String> device) {
        return new Environment("0.1", "abc", false, java, "linux", cpu, 2, "cpu",
                Map.of("nd4j", nd4j, "natives", "linux-x86_64-onednn-avx2"), device, "code0");
    }

    @Test
    void environmentDifferencesAreOneLinePerFact() {
        Environment stored = env("AMD EPYC", "17.0.15", "1.0.0-M2.1", Map.of("OMP_NUM_THREADS", "1",
                "DNNL_MAX_CPU_ISA", "AVX2", "cpuIsa", "avx2"));
        Environment now = env("Intel Xeon", "17.0.15", "1.0.0-M2.1", Map.of("OMP_NUM_THREADS", "1",
                "cpuIsa", "avx512f"));
        assertEquals(List.of("environment CPU model: stored AMD EPYC, now Intel Xeon",
                        "environment cpuIsa: stored avx2, now avx512f",
                        "environment DNNL_MAX_CPU_ISA: stored AVX2, now unset"),
                CellVerifier.environmentDifferences(stored, now));
        assertEquals(List.of(), CellVerifier.environmentDifferences(stored, stored));
        assertEquals(List.of("environment ND4J: stored 1.0.0-M2.1, now 1.0.0-M3", "environment Java: stored 17.0.15, now 21"),
                CellVerifier.environmentDifferences(stored, env("AMD EPYC", "21", "1.0.0-M3", stored.device())));
    }
}
