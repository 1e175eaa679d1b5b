package io.kdbench.methods.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mini-batches of sample indices for a budget counted in steps: passes over the samples, each in a fresh seeded
 * order, cut into batches of {@code min(batchSize, n)}; a pass's remainder smaller than a batch is dropped, so every
 * step sees the same number of samples.
 */
public final class BatchOrder {
    private final int[] order;
    private final int batchSize;
    private final SplittableRandom random;
    private int cursor;
    private int passes;

    public BatchOrder(int sampleCount, int batchSize, long seed) {
        if (sampleCount < 1) {
            throw new IllegalArgumentException("no training samples to draw batches from");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.order = new int[sampleCount];
        Arrays.setAll(order, i -> i);
        this.batchSize = Math.min(batchSize, sampleCount);
        this.random = new SplittableRandom(seed);
        this.cursor = sampleCount; // the first call starts a pass
    }

    /** The next batch's sample indices. */
    public int[] next() {
        if (order.length - cursor < batchSize) {
            shuffle(order, random);
            cursor = 0;
            passes++;
        }
        int[] batch = Arrays.copyOfRange(order, cursor, cursor + batchSize);
        cursor += batchSize;
        return batch;
    }

    /** Passes over the data started so far (epochs). */
    public int passes() {
        return passes;
    }

    /** Fisher-Yates shuffle from the given generator. */
    public static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
