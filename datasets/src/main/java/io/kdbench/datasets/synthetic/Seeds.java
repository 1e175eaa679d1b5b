package io.kdbench.datasets.synthetic;

import java.util.SplittableRandom;

/** Derives independent seeds per dataset and purpose from the run's seed. */
public final class Seeds {
    private Seeds() {
    }

    public static long stream(String datasetId, long seed, int purpose) {
        return new SplittableRandom(seed ^ (datasetId.hashCode() * 0x9E3779B97F4A7C15L)
                ^ (purpose * 0xBF58476D1CE4E5B9L)).nextLong();
    }
}
