package io.kdbench.metrics.segmentation;

/** {@code iou}: see {@link SegmentationScore#IOU}. */
public final class IouMetric extends SegmentationMetric {
    public IouMetric() {
        super(SegmentationScore.IOU);
    }
}
