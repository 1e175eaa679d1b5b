package io.kdbench.api;

import io.kdbench.data.Splits;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset family, found through {@link java.util.ServiceLoader}. Implementations need a public no-arg
 * constructor and a line in {@code META-INF/services/io.kdbench.api.BenchmarkDataset}.
 * Generation or reading must depend only on the parameters and the seed: same inputs, same samples.
 */
public interface BenchmarkDataset extends Parameterised {

    /** What this dataset is under these parameters (cheap: no data made); checks parameter values. */
    DatasetInfo info(Params params);

    /** Parameter checks run when the experiment file is loaded: by default those of {@link #info}. */
    @Override
    default void validate(Params params) {
        info(params);
    }

    /** Train / validation / test (and external) partitions for this seed. */
    Splits splits(Params params, long seed);

    /**
     * The files this configuration reads its data from (a manifest, an archive), whose SHA-256 each cell keeps in
     * its provenance, so a result can be traced to the bytes it came from; none for generated data.
     */
    default List<Path> dataFiles(Params params) {
        return List.of();
    }
}
