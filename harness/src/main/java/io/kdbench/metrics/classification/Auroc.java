package io.kdbench.metrics.classification;

import java.util.Arrays;

/**
 * Area under the ROC curve, computed exactly as the Mann-Whitney statistic U / (n+ n-): a tied
 * positive/negative pair counts one half, which equals scikit-learn's trapezoidal {@code roc_auc_score}.
 * Undefined (NaN, with the reason kept) when the labels hold one class only.
 */
public final class Auroc {
    private Auroc() {
    }

    /** An AUROC and, when it is NaN, why. */
    public record Value(double value, String reason) {
        static Value undefined(String reason) {
            return new Value(Double.NaN, reason);
        }

        public boolean defined() {
            return !Double.isNaN(value);
        }
    }

    /**
     * Binary AUROC. O(n log n): each class's scores are sorted once and merged.
     *
     * @param positive true for positive cases
     * @param scores   higher means more likely positive; must not be NaN
     */
    public static Value binary(boolean[] positive, double[] scores) {
        if (positive.length != scores.length) {
            throw new IllegalArgumentException(positive.length + " labels but " + scores.length + " scores");
        }
        int nPos = 0;
        for (boolean b : positive) {
            nPos += b ? 1 : 0;
        }
        int nNeg = positive.length - nPos;
        if (nPos == 0 || nNeg == 0) {
            return Value.undefined("only " + (nPos == 0 ? "negative" : "positive") + " cases (" + positive.length
                    + "), AUROC is undefined");
        }
        double[] pos = new double[nPos];
        double[] neg = new double[nNeg];
        int ip = 0;
        int in = 0;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            s += 0.0; // -0.0 becomes 0.0, so the two zeros tie as they compare equal
            if (positive[i]) {
                pos[ip++] = s;
            } else {
                neg[in++] = s;
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        // twiceU counts 2 per positive above a negative and 1 per tie, so the sum stays an exact integer
        long twiceU = 0;
        int below = 0;
        int i = 0;
        while (i < nPos) {
            double s = pos[i];
            int j = i;
            while (j < nPos && pos[j] == s) {
                j++;
            }
            while (below < nNeg && neg[below] < s) {
                below++;
            }
            int equal = below;
            while (equal < nNeg && neg[equal] == s) {
                equal++;
            }
            twiceU += (long) (j - i) * (2L * below + (equal - below));
            i = j;
        }
        return new Value(twiceU / (2.0 * nPos * nNeg), "");
    }

    /**
     * Binary AUROC of cases given as rows: positive where the label is 1, scored by one column of the rows.
     *
     * @param labels 0 or 1 per case
     * @param rows   [case][column] scores
     * @param column the column that holds the score of class 1
     */
    public static Value binary(int[] labels, double[][] rows, int column) {
        boolean[] positive = new boolean[labels.length];
        double[] scores = new double[rows.length];
        for (int i = 0; i < labels.length; i++) {
            positive[i] = labels[i] == 1;
        }
        for (int i = 0; i < rows.length; i++) {
            scores[i] = rows[i][column];
        }
        return binary(positive, scores);
    }

    /**
     * One-vs-rest AUROC of single-label cases given as rows: class c's positives are the cases labelled c, scored
     * by column c.
     *
     * @param labels 0 to k-1 per case
     * @param rows   [case][class] the k class scores of each case
     */
    public static Averaged oneVsRest(int[] labels, double[][] rows, int k) {
        if (labels.length != rows.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + rows.length + " score rows");
        }
        boolean[][] positive = new boolean[k][labels.length];
        double[][] scores = new double[k][labels.length];
        for (int i = 0; i < labels.length; i++) {
            positive[labels[i]][i] = true;
            for (int c = 0; c < k; c++) {
                scores[c][i] = rows[i][c];
            }
        }
        return perClass(positive, scores);
    }

    /**
     * One AUROC per class (one-vs-rest) and their averages.
     *
     * @param positive [class][case] true where the case belongs to the class
     * @param scores   [class][case] the score for that class
     */
    public static Averaged perClass(boolean[][] positive, double[][] scores) {
        int k = positive.length;
        Value[] values = new Value[k];
        long[] support = new long[k];
        for (int c = 0; c < k; c++) {
            values[c] = binary(positive[c], scores[c]);
            for (boolean b : positive[c]) {
                support[c] += b ? 1 : 0;
            }
        }
        return new Averaged(values, support);
    }

    /**
     * Per-class AUROCs with their macro (unweighted) and weighted (by number of positives) means. Classes whose
     * AUROC is undefined are left out of both means and named in {@link #note()}; scikit-learn would return NaN.
     */
    public record Averaged(Value[] perClass, long[] support) {

        public double macro() {
            double sum = 0;
            int n = 0;
            for (Value v : perClass) {
                if (v.defined()) {
                    sum += v.value();
                    n++;
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        public double weighted() {
            double sum = 0;
            double weight = 0;
            for (int c = 0; c < perClass.length; c++) {
                if (perClass[c].defined()) {
                    sum += support[c] * perClass[c].value();
                    weight += support[c];
                }
            }
            return weight == 0 ? Double.NaN : sum / weight;
        }

        public int definedClasses() {
            int n = 0;
            for (Value v : perClass) {
                n += v.defined() ? 1 : 0;
            }
            return n;
        }

        /** Empty when every class is defined; otherwise names the classes left out and why. */
        public String note() {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < perClass.length; c++) {
                if (!perClass[c].defined()) {
                    sb.append(sb.length() == 0 ? "" : "; ").append("class ").append(c).append(": ")
                            .append(perClass[c].reason());
                }
            }
            return sb.length() == 0 ? "" : "left out of the average: " + sb;
        }
    }
}
