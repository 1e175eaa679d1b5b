package io.kdbench.metrics.segmentation;

/** {@code hd95[medpy]}: see {@link SegmentationScore#HD95_MEDPY}. */
public final class Hd95MedpyMetric extends SegmentationMetric {
    public Hd95MedpyMetric() {
        super(SegmentationScore.HD95_MEDPY);
    }

    @Override
    public boolean higherIsBetter() {
        return false; // a distance: smaller is better
    }
}
