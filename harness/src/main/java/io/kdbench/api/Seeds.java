package io.kdbench.api;

import java.util.SplittableRandom;

/**
 * Independent seeds derived from a cell's seed, one per owner and purpose (a dataset's case stream, a model's
 * initial weights, its batch order, a teacher's own stream), so that two uses never share a random sequence and
 * changing one (more batches, another layer) does not shift the other.
 */
public final class Seeds {
    private Seeds() {
    }

    /** The seed of {@code owner}'s stream number {@code purpose}; depends only on its arguments. */
    public static long stream(String owner, long seed, int purpose) {
        return new SplittableRandom(seed ^ (owner.hashCode() * 0x9E3779B97F4A7C15L)
                ^ (purpose * 0xBF58476D1CE4E5B9L)).nextLong();
    }

    /** The seed of the stream named {@code purpose} (e.g. "init", "batches", "teacher"). */
    public static long stream(String purpose, long seed) {
        return stream(purpose, seed, 0);
    }
}
