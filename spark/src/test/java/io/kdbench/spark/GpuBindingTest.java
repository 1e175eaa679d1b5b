package io.kdbench.spark;

import io.kdbench.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GPU part of a task's resources, as Spark's scheduler hands them over (a fake map: no GPU here). */
class GpuBindingTest {
    @Test
    void aTaskWithoutGpusComputesOnTheCpu() {
        assertEquals(Optional.empty(), GpuBinding.address(Map.of()));
        assertEquals(Optional.empty(), GpuBinding.address(Map.of("fpga", new String[] {"0"})));
        assertEquals(Optional.empty(), GpuBinding.address(Map.of("gpu", new String[0])));
    }

    @Test
    void theAssignedAddressIsTheDeviceNumber() {
        assertEquals(Optional.of(3), GpuBinding.address(Map.of("gpu", new String[] {"3"})));
        assertEquals(Optional.of(0), GpuBinding.address(Map.of("gpu", new String[] {" 0 "}, "fpga", new String[] {"1"})));
    }

    @Test
    void severalGpusOrANameInsteadOfANumberAreRefusedWithTheFix() {
        IllegalStateException two = assertThrows(IllegalStateException.class,
                () -> GpuBinding.address(Map.of("gpu", new String[] {"0", "1"})));
        assertTrue(two.getMessage().contains("spark.task.resource.gpu.amount=1"), two.getMessage());
        IllegalStateException uuid = assertThrows(IllegalStateException.class,
                () -> GpuBinding.address(Map.of("gpu", new String[] {"GPU-8f3c"})));
        assertTrue(uuid.getMessage().contains("GPU-8f3c") && uuid.getMessage().contains("nvidia-smi"), uuid.getMessage());
        assertThrows(IllegalStateException.class, () -> GpuBinding.address(Map.of("gpu", new String[] {"-1"})));
    }

    @Test
    void bindingAGpuTheBackendDoesNotHaveSaysSo() {
        // ND4J's CPU backend has one device: address 0 binds (a no-op), 1 does not exist
        GpuBinding.bind(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GpuBinding.bind(1));
        assertTrue(e.getMessage().contains("GPU 1") && e.getMessage().contains("-Pcuda"), e.getMessage());
    }

    @Test
    void theCellRecordsTheExecutorAndGpuButKeepsTheDriversCodeAndIdentity() {
        Environment driver = new Environment("0.1", "c0ffee", false, "17", "linux", "driver cpu", 8, "cuda",
                Map.of("natives", "linux-x86_64"), Map.of("OMP_NUM_THREADS", "1"), "code1");
        Environment machine = new Environment("0.1", "unknown", false, "17.0.2", "linux", "node cpu", 64, "cuda",
                Map.of("natives", "linux-x86_64"), Map.of("OMP_NUM_THREADS", "1", "gpu", "A100"), "unknown");
        Environment here = ExecutorSide.of(driver, machine, "executor 4 on node7", Optional.of(2));
        assertEquals("2", here.device().get("sparkGpuAddress"));
        assertEquals("executor 4 on node7", here.device().get("sparkExecutor"));
        assertEquals("A100", here.device().get("gpu"));
        assertEquals("node cpu", here.cpuModel());
        assertEquals(driver.codeVersion(), here.codeVersion(), "named by the driver's code");
        assertEquals(driver.computeIdentity(), here.computeIdentity(), "the GPU address is provenance, not identity");
    }
}
