package io.kdbench.metrics.segmentation;

/** {@code dice}: see {@link SegmentationScore#DICE}. */
public final class DiceMetric extends SegmentationMetric {
    public DiceMetric() {
        super(SegmentationScore.DICE);
    }
}
