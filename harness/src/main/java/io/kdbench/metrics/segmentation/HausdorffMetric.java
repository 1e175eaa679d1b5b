package io.kdbench.metrics.segmentation;

/** {@code hd[monai]}: see {@link SegmentationScore#HD}. */
public final class HausdorffMetric extends SegmentationMetric {
    public HausdorffMetric() {
        super(SegmentationScore.HD);
    }

    @Override
    public boolean higherIsBetter() {
        return false; // a distance: smaller is better
    }
}
