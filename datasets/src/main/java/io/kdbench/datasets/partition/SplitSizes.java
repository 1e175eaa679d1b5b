package io.kdbench.datasets.partition;

import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;

/** The case counts of the three splits, declared once for the datasets that generate their cases. */
public final class SplitSizes {
    private SplitSizes() {
    }

    /** {@code n_train}, {@code n_val} and {@code n_test}, at least 1 each, with these defaults. */
    public static ParamSpec parameters(int nTrain, int nVal, int nTest) {
        return ParamSpec.of(
                Param.of("n_train", nTrain, "training cases").atLeast(1),
                Param.of("n_val", nVal, "validation cases").atLeast(1),
                Param.of("n_test", nTest, "test cases").atLeast(1));
    }
}
