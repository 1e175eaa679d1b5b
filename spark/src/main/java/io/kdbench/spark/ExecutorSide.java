package io.kdbench.spark;

import io.kdbench.env.ComputeBackend;
import io.kdbench.env.Environment;
import io.kdbench.registry.Registries;
import org.apache.spark.SparkEnv;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the tasks of one executor JVM share, made by the first of them: the registries, the backend, the machine. */
final class ExecutorSide {
    private static ExecutorSide instance;

    final Registries registries;
    final ComputeBackend backend;
    final Environment machine;
    final String name;

    private ExecutorSide() {
        // the task thread's class loader: the executor's, which holds the jars the application shipped
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        registries = Registries.load(loader);
        backend = Environment.findBackend(loader);
        machine = Environment.detect(backend);
        name = executorName();
    }

    static synchronized ExecutorSide get() {
        if (instance == null) {
            instance = new ExecutorSide();
        }
        return instance;
    }

    /**
     * The environment a cell computed here records: the driver's code (an executor's working folder is no git
     * checkout, and the driver named the cell by its code) with this machine's facts, executor and GPU.
     */
    static Environment of(Environment driver, Environment machine, String executor, Optional<Integer> gpu) {
        Map<String, String> device = new LinkedHashMap<>(machine.device());
        device.put("sparkExecutor", executor);
        gpu.ifPresent(g -> device.put("sparkGpuAddress", String.valueOf(g)));
        return new Environment(driver.kdbenchVersion(), driver.gitCommit(), driver.gitDirty(), machine.javaVersion(),
                machine.os(), machine.cpuModel(), machine.availableProcessors(), machine.backendName(),
                machine.backendVersions(), device, driver.codeHash());
    }

    private static String executorName() {
        String id = SparkEnv.get() == null ? "unknown" : SparkEnv.get().executorId();
        try {
            return "executor " + id + " on " + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "executor " + id + " on an unnamed host (" + e.getMessage() + ")";
        }
    }
}
