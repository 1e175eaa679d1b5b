package io.kdbench.metrics.segmentation;

/** {@code hd95[monai]}: see {@link SegmentationScore#HD95_MONAI}. */
public final class Hd95MonaiMetric extends SegmentationMetric {
    public Hd95MonaiMetric() {
        super(SegmentationScore.HD95_MONAI);
    }

    @Override
    public boolean higherIsBetter() {
        return false; // a distance: smaller is better
    }
}
