package io.kdbench.datasets.cache;

import io.kdbench.api.Params;

import java.io.File;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a real-data dataset last read from its file, so the experiment loader's validate() and each seed's splits()
 * read the file once. One entry (real data can be large), held softly so memory pressure can drop it; another
 * file, a changed file (time or size) or other reading parameters read again. Parameters that only steer
 * partitioning are left out of the key, so a sweep over labelled_fraction or alpha reads once.
 */
public final class LastRead<T> {
    private record Key(Map<String, Object> params, Path file, long modified, long size) {
    }

    private final Set<String> notReading;
    private Key key;
    private SoftReference<T> value = new SoftReference<>(null);

    /** @param notReading parameters that do not change what is read */
    public LastRead(Set<String> notReading) {
        this.notReading = Set.copyOf(notReading);
    }

    public synchronized T get(Params params, Path file, Supplier<T> read) {
        Key k = keyOf(params, file);
        T held = value.get();
        if (held != null && k.equals(key)) {
            return held;
        }
        value.clear();
        T fresh = read.get();
        key = k;
        value = new SoftReference<>(fresh);
        return fresh;
    }

    private Key keyOf(Params params, Path file) {
        File f = file.toFile();
        Map<String, Object> reading = new TreeMap<>(params.asMap());
        reading.keySet().removeAll(notReading);
        return new Key(reading, file.toAbsolutePath(), f.lastModified(), f.length());
    }
}
