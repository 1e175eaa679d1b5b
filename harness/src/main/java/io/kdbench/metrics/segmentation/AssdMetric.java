package io.kdbench.metrics.segmentation;

/** {@code assd}: see {@link SegmentationScore#ASSD}. */
public final class AssdMetric extends SegmentationMetric {
    public AssdMetric() {
        super(SegmentationScore.ASSD);
    }

    @Override
    public boolean higherIsBetter() {
        return false; // a distance: smaller is better
    }
}
