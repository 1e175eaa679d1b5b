package io.kdbench.cli;

import io.kdbench.run.CellExecutor;
import io.kdbench.run.CellRunner;
import io.kdbench.run.ClusterExecutorFactory;

import java.io.File;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the cluster executor named by an option (--spark) on the class path. The command line has no compile-time
 * dependency on Spark: the spark module is on the class path only when ./kdbench is given --spark (or under
 * spark-submit), so plain runs never load it.
 */
final class ClusterExecutors {
    private ClusterExecutors() {
    }

    static CellExecutor open(String name, String master, Integer slots, CellRunner cells, List<File> with,
                             ClassLoader loader) {
        ClusterExecutorFactory factory = ServiceLoader.load(ClusterExecutorFactory.class, loader).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new BadInputException("--" + name + ": the kdbench-" + name + " module is not on"
                        + " the class path; run through ./kdbench, which adds it when --" + name + " is given, or"
                        + " through spark-submit (see docs/spark.md)"));
        try {
            return factory.open(master, slots, cells, with == null ? List.of() : with.stream().map(File::toPath).toList());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
