package io.kdbench.metrics.localization;

/** {@code loc-auroc}: see {@link LocalizationScore#AUROC}. */
public final class LocalizationAurocMetric extends LocalizationMetric {
    public LocalizationAurocMetric() {
        super(LocalizationScore.AUROC);
    }
}
