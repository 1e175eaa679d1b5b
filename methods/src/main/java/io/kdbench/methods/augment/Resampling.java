package io.kdbench.methods.augment;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;

/**
 * Forwards to {@link io.kdbench.data.Resampling}, which holds the implementation. Left only because
 * {@code fedkd.FederatedMethod} imports this class and was being changed elsewhere at the same time: point its
 * import at {@code io.kdbench.data.Resampling}, call {@code linearByCorners} there, and delete this file.
 */
@Deprecated
public final class Resampling {
    private Resampling() {
    }

    /** {@link io.kdbench.data.Resampling#linearByCorners}, the arithmetic FedKD's stored cells were made with. */
    public static Image linear(Image im, int depth, int height, int width) {
        return io.kdbench.data.Resampling.linearByCorners(im, depth, height, width);
    }

    public static LabelMap nearest(LabelMap m, int depth, int height, int width) {
        return io.kdbench.data.Resampling.nearest(m, depth, height, width);
    }
}
