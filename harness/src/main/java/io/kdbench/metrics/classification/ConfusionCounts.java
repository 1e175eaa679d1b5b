package io.kdbench.metrics.classification;

/**
 * A k x k confusion matrix (rows = true class, columns = predicted class) and the rates read from it.
 * Conventions follow scikit-learn: with two classes, F1, sensitivity and specificity are those of class 1;
 * with more, they are macro means over the classes present in the truth or the predictions, and a 0/0
 * rate counts as 0 (scikit-learn's default {@code zero_division}). Balanced accuracy is the mean recall over
 * classes present in the truth.
 */
public final class ConfusionCounts {
    private final long[][] counts;
    private final long total;

    private ConfusionCounts(long[][] counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /** Counts (truth, predicted) pairs; both arrays hold class indices 0..classes-1. */
    public static ConfusionCounts of(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predicted");
        }
        long[][] m = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return new ConfusionCounts(m, truth.length);
    }

    /** The index of the largest probability (the first one on ties). */
    public static int argmax(double[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            if (probabilities[c] > probabilities[best]) {
                best = c;
            }
        }
        return best;
    }

    public int classes() {
        return counts.length;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long total() {
        return total;
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    public double balancedAccuracy() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < counts.length; c++) {
            if (truePositives(c) + falseNegatives(c) > 0) {
                sum += sensitivity(c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Recall of one class. */
    public double sensitivity(int c) {
        return ratio(truePositives(c), truePositives(c) + falseNegatives(c));
    }

    public double specificity(int c) {
        long tn = total - truePositives(c) - falseNegatives(c) - falsePositives(c);
        return ratio(tn, tn + falsePositives(c));
    }

    public double f1(int c) {
        long tp = truePositives(c);
        return ratio(2 * tp, 2 * tp + falsePositives(c) + falseNegatives(c));
    }

    /** Sensitivity of class 1 for two classes, else the macro mean. */
    public double sensitivity() {
        return classes() == 2 ? sensitivity(1) : macro(this::sensitivity);
    }

    public double specificity() {
        return classes() == 2 ? specificity(1) : macro(this::specificity);
    }

    public double f1() {
        return classes() == 2 ? f1(1) : macro(this::f1);
    }

    private double macro(java.util.function.IntToDoubleFunction perClass) {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < counts.length; c++) {
            if (present(c)) {
                sum += perClass.applyAsDouble(c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private boolean present(int c) {
        return truePositives(c) + falseNegatives(c) + falsePositives(c) > 0;
    }

    private long truePositives(int c) {
        return counts[c][c];
    }

    private long falseNegatives(int c) {
        long s = 0;
        for (int p = 0; p < counts.length; p++) {
            s += p == c ? 0 : counts[c][p];
        }
        return s;
    }

    private long falsePositives(int c) {
        long s = 0;
        for (int t = 0; t < counts.length; t++) {
            s += t == c ? 0 : counts[t][c];
        }
        return s;
    }

    private static double ratio(long num, long den) {
        return den == 0 ? 0.0 : (double) num / den;
    }
}
