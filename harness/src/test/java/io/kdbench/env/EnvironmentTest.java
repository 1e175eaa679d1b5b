package io.kdbench.env;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A cell's compute identity: the settings that decide its floating point, and the CPU's ISA only when unpinned. */
class EnvironmentTest {

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
}
