package io.kdbench.metrics.classification;

/** Balanced accuracy: the mean recall over the classes present in the truth (scikit-learn's). */
public final class BalancedAccuracyMetric extends ConfusionMetric {
    public BalancedAccuracyMetric() {
        super("balanced-accuracy", "Balanced accuracy: the mean recall over the classes present in the truth (scikit-learn's).", ConfusionCounts::balancedAccuracy, false);
    }
}
