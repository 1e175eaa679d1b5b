package io.kdbench.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens a {@link CellExecutor} on a cluster. Found through {@link java.util.ServiceLoader}, so the harness and the
 * command line do not depend on the cluster library (the spark module provides one, on the class path only when
 * {@code --spark} is given).
 */
public interface ClusterExecutorFactory {
    /** The option's name, e.g. "spark". */
    String name();

    /**
     * Connects to {@code master}. {@code slots} is the number of cells kept in flight (null: the cluster's own
     * parallelism); {@code extraJars} are plug-in jars the executors need too. Throws IllegalArgumentException for a
     * master or setting that is not understood.
     */
    CellExecutor open(String master, Integer slots, CellRunner cells, List<Path> extraJars);
}
