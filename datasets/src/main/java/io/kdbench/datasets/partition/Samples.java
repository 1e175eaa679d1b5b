package io.kdbench.datasets.partition;

import io.kdbench.data.Sample;

/** What the partitions need of samples beyond the record's own {@code with...} copies. */
public final class Samples {
    private Samples() {
    }

    /** The sample as an unlabelled-pool member: no label, targets or mask, so a method cannot read them. */
    public static Sample unlabelled(Sample s) {
        return s.withLabel(-1).withTargets(null).withMask(null).withLabelled(false);
    }

    /** A stratum key: the class, or for multi-label the target bit pattern, or 0 when there is no label. */
    public static int stratum(Sample s) {
        if (s.label() >= 0) {
            return s.label();
        }
        if (s.targets() != null) {
            int key = 0;
            for (int k = 0; k < s.targets().length && k < 30; k++) {
                key |= (s.targets()[k] > 0.5f ? 1 : 0) << k;
            }
            return key;
        }
        return 0;
    }
}
