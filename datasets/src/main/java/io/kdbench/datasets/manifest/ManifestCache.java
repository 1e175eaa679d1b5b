package io.kdbench.datasets.manifest;

import io.kdbench.api.Params;
import io.kdbench.datasets.cache.LastRead;

import java.util.List;
import java.util.Set;

/** The cases of the last manifest read ({@link LastRead}): validate() and each seed's splits() read the files once. */
final class ManifestCache {
    /** Parameters that only steer partitioning or describe modalities: they do not change what is read. */
    private static final LastRead<List<ManifestCase>> LAST = new LastRead<>(Set.of("val_fraction", "test_fraction",
            "labelled_fraction", "clients", "n_clients", "alpha", "privileged"));

    private ManifestCache() {
    }

    static List<ManifestCase> cases(Params params) {
        ManifestSettings settings = ManifestSettings.of(params);
        return LAST.get(params, settings.manifest(), () -> new ManifestReader(settings).read());
    }
}
