package io.kdbench.data;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A read-only list of samples that loads each sample when asked and keeps none, so a split may be larger than
 * memory: methods read batches by index and only a batch is alive at a time. Each {@code get} reads again.
 */
public final class LazySamples extends AbstractList<Sample> implements RandomAccess {
    private final int size;
    private final IntFunction<Sample> loader;

    public LazySamples(int size, IntFunction<Sample> loader) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
        this.size = size;
        this.loader = loader;
    }

    /** Samples stored by {@link SampleFiles} in these files, in this order. */
    public static LazySamples onDisk(List<Path> files) {
        List<Path> copy = List.copyOf(files);
        return new LazySamples(copy.size(), i -> SampleFiles.read(copy.get(i)));
    }

    @Override
    public Sample get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("sample " + index + " of " + size);
        }
        return loader.apply(index);
    }

    @Override
    public int size() {
        return size;
    }
}
