package io.kdbench.spark;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Params;
import io.kdbench.data.Splits;
import io.kdbench.env.Environment;
import io.kdbench.run.CellRunner;
import io.kdbench.store.CellRecord;
import io.kdbench.store.Json;
import io.kdbench.store.RunSpec;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One cell, computed on an executor: binds the task's GPU (if any), makes the data from the dataset's spec, trains
 * and scores through the local runner's {@link CellRunner}, and returns the cell as JSON (the driver stores it).
 *
 * <p>A method's own failure is a result, as in the local runner: a FAILED cell with its reason, after the
 * experiment's retries. What escapes the cell (data that cannot be made here, an environment that would compute
 * other bits, a missing native library, a lost executor) fails the task, and Spark retries it.
 */
final class CellTask implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String hash;
    private final RunSpec spec;
    private final int retries;
    private final Environment driver;
    private final String command;

    CellTask(String hash, RunSpec spec, int retries, Environment driver, String command) {
        this.hash = hash;
        this.spec = spec;
        this.retries = retries;
        this.driver = driver;
        this.command = command;
    }

    byte[] run() throws IOException {
        Optional<Integer> gpu = GpuBinding.address(addresses(TaskContext.get().resourcesJMap()));
        gpu.ifPresent(GpuBinding::bind);
        ExecutorSide side = ExecutorSide.get();
        Environment here = ExecutorSide.of(driver, side.machine, side.name, gpu);
        if (!here.computeIdentity().equals(driver.computeIdentity())) {
            // the cell is named by the driver's identity; computed otherwise, its bits would not match its name
            throw new IllegalStateException(side.name + " computes as '" + here.computeIdentity() + "' but the driver"
                    + " named the cells for '" + driver.computeIdentity() + "': give executors the driver's"
                    + " settings (spark.executorEnv.* for " + Environment.PINNED + ", the same natives)");
        }
        CellRunner runner = new CellRunner(side.registries, here, side.backend, command);
        BenchmarkDataset dataset = side.registries.datasets().get(spec.datasetId());
        Params params = Params.of(Map.of(), spec.datasetParams()); // the spec holds the defaults merged already
        DatasetInfo info;
        Splits splits;
        try {
            info = dataset.info(params);
            splits = runner.supports(spec, info).ok() ? dataset.splits(params, spec.seed()) : null;
        } catch (RuntimeException e) {
            throw new IllegalStateException(side.name + " cannot make dataset '" + spec.dataset() + "': "
                    + e.getMessage() + " (data read from files, such as a manifest's, must be on a path every"
                    + " executor can read, e.g. a shared file system)", e);
        }
        CellRecord cell = runner.run(hash, spec, info, splits, retries);
        return Json.MAPPER.writeValueAsBytes(cell);
    }

    private static Map<String, String[]> addresses(Map<String, ResourceInformation> resources) {
        Map<String, String[]> out = new HashMap<>();
        resources.forEach((name, info) -> out.put(name, info.addresses()));
        return out;
    }
}
