package io.kdbench.spark;

import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The GPU Spark's resource scheduling gave a task ({@code spark.task.resource.gpu.amount=1}), bound to ND4J for the
 * task's thread. Spark only books the address; nothing stops two tasks from using one GPU unless each binds to its own.
 */
final class GpuBinding {
    static final String GPU = "gpu";

    private GpuBinding() {
    }

    /**
     * The task's GPU address from its resources (resource name to addresses), or empty when it has none (CPU
     * cells). Throws when it has several (one GPU per task is what a cell uses) or one that is not a device number.
     */
    static Optional<Integer> address(Map<String, String[]> resources) {
        String[] gpus = resources.get(GPU);
        if (gpus == null || gpus.length == 0) {
            return Optional.empty();
        }
        if (gpus.length > 1) {
            throw new IllegalStateException("this task was given GPUs " + Arrays.toString(gpus)
                    + "; a cell uses one: set spark.task.resource.gpu.amount=1");
        }
        try {
            int address = Integer.parseInt(gpus[0].trim());
            if (address < 0) {
                throw new NumberFormatException();
            }
            return Optional.of(address);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("GPU address '" + gpus[0] + "' is not a CUDA device number: the discovery"
                    + " script must print the devices' indices, as nvidia-smi numbers them", e);
        }
    }

    /** Points ND4J's work on this thread at the device (ND4J's CPU backend has one device, 0). */
    static void bind(int address) {
        int devices = Nd4j.getAffinityManager().getNumberOfDevices();
        if (address >= devices) {
            throw new IllegalStateException("Spark gave this task GPU " + address + " but ND4J sees " + devices
                    + " device(s) (" + Nd4j.getBackend().getClass().getSimpleName() + "): run a CUDA build"
                    + " (mvn -Pcuda) and leave CUDA_VISIBLE_DEVICES unset on executors");
        }
        Nd4j.getAffinityManager().unsafeSetDevice(address);
    }
}
