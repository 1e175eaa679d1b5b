package io.kdbench.datasets.manifest;

import io.kdbench.api.Params;

import java.io.File;
import java.lang.ref.SoftReference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The cases of the last manifest read, so the experiment loader's validate() and each seed's splits() read
 * the files once. One entry (a real dataset can be large), held softly so memory pressure can drop it; a
 * different manifest, a changed manifest file or other reading parameters read again. Partition-only
 * parameters are not part of the key, so a sweep over labelled_fraction or alpha reads once.
 */
final class ManifestCache {
    /** Parameters that only steer partitioning or describe modalities: they do not change what is read. */
    private static final Set<String> NOT_READING = Set.of("val_fraction", "test_fraction",
            "labelled_fraction", "clients", "n_clients", "alpha", "privileged");

    private record Key(Map<String, Object> params, long modified, long size) {
    }

    private static Key key;
    private static SoftReference<List<ManifestCase>> cases = new SoftReference<>(null);

    private ManifestCache() {
    }

    static synchronized List<ManifestCase> cases(Params params) {
        ManifestSettings settings = ManifestSettings.of(params);
        Key k = keyOf(params, settings);
        List<ManifestCase> held = cases.get();
        if (held != null && k.equals(key)) {
            return held;
        }
        cases.clear();
        List<ManifestCase> read = new ManifestReader(settings).read();
        key = k;
        cases = new SoftReference<>(read);
        return read;
    }

    private static Key keyOf(Params params, ManifestSettings s) {
        File f = s.manifest().toFile();
        Map<String, Object> reading = new TreeMap<>(params.asMap());
        reading.keySet().removeAll(NOT_READING);
        return new Key(reading, f.lastModified(), f.length());
    }
}
