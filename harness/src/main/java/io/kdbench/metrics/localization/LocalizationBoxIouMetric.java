package io.kdbench.metrics.localization;

/** {@code loc-box-iou}: see {@link LocalizationScore#BOX_IOU}. */
public final class LocalizationBoxIouMetric extends LocalizationMetric {
    public LocalizationBoxIouMetric() {
        super(LocalizationScore.BOX_IOU);
    }
}
