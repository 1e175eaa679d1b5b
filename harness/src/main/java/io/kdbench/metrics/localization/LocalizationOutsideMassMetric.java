package io.kdbench.metrics.localization;

/** {@code loc-outside-mass}: see {@link LocalizationScore#OUTSIDE_MASS}. */
public final class LocalizationOutsideMassMetric extends LocalizationMetric {
    public LocalizationOutsideMassMetric() {
        super(LocalizationScore.OUTSIDE_MASS);
    }

    @Override
    public boolean higherIsBetter() {
        return false; // attention outside the region: smaller is better
    }
}
