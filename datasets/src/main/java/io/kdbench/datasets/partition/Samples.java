package io.kdbench.datasets.partition;

import io.kdbench.data.Sample;

/** Copies of samples with one field changed (the API record only offers {@code withLabelled}). */
public final class Samples {
    private Samples() {
    }

    public static Sample withClient(Sample s, String client) {
        return new Sample(s.id(), s.images(), s.label(), s.targets(), s.mask(), s.text(), s.tabular(), client, s.labelled());
    }

    /** The sample as an unlabelled-pool member: no label, targets or mask, so a method cannot read them. */
    public static Sample unlabelled(Sample s) {
        return new Sample(s.id(), s.images(), -1, null, null, s.text(), s.tabular(), s.client(), false);
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
