package io.kdbench.metrics.classification;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AurocTest {
    private static final double EXACT = 1e-12;

    private static boolean[] labels(int... y) {
        boolean[] b = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            b[i] = y[i] == 1;
        }
        return b;
    }

    @Test
    void scikitLearnTieCasesGiveHalfCredit() {
        // prior-art.md 2.3: [0.5,0.5,0.5,0.9] with y=[0,0,1,1] is 0.75 in scikit-learn, MONAI and Mann-Whitney
        assertEquals(0.75, Auroc.binary(labels(0, 0, 1, 1), new double[] {0.5, 0.5, 0.5, 0.9}).value(), EXACT);
        // all scores equal: 0.5
        assertEquals(0.5, Auroc.binary(labels(0, 1, 0, 1, 1), new double[] {3, 3, 3, 3, 3}).value(), EXACT);
        // scikit-learn's documentation example, no ties
        assertEquals(0.75, Auroc.binary(labels(0, 0, 1, 1), new double[] {0.1, 0.4, 0.35, 0.8}).value(), EXACT);
    }

    @Test
    void mixedTiesMatchAHandCount() {
        // positives 0.4, 0.4, 0.8; negatives 0.1, 0.4, 0.8: U = 1.5 + 1.5 + 2.5 = 5.5 of 9 pairs
        double v = Auroc.binary(labels(0, 1, 0, 1, 1, 0), new double[] {0.1, 0.4, 0.4, 0.4, 0.8, 0.8}).value();
        assertEquals(5.5 / 9, v, EXACT);
    }

    @Test
    void negativeAndPositiveZeroTie() {
        assertEquals(0.5, Auroc.binary(labels(0, 1), new double[] {0.0, -0.0}).value(), EXACT);
    }

    @Test
    void agreesWithPairCountingOnManyTies() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 1000;
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < 0.3;
            s[i] = rnd.nextInt(11) / 10.0 + (y[i] ? 0.1 * rnd.nextInt(3) : 0); // 11..13 distinct values
        }
        double pairs = 0;
        long nPairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] && !y[j]) {
                    pairs += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                    nPairs++;
                }
            }
        }
        assertEquals(pairs / nPairs, Auroc.binary(y, s).value(), EXACT);
    }

    @Test
    void propertiesOfNegationAndMonotoneTransforms() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 500;
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        double[] neg = new double[n];
        double[] cubed = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextBoolean();
            s[i] = rnd.nextInt(50) + (y[i] ? 5 : 0);
            neg[i] = -s[i];
            cubed[i] = Math.pow(s[i], 3) + 1;
        }
        double a = Auroc.binary(y, s).value();
        assertTrue(a > 0.5 && a < 1);
        assertEquals(1 - a, Auroc.binary(y, neg).value(), EXACT);
        assertEquals(a, Auroc.binary(y, cubed).value(), EXACT);
    }

    @Test
    void oneClassIsNaNWithAReason() {
        Auroc.Value v = Auroc.binary(labels(1, 1, 1), new double[] {0.2, 0.3, 0.4});
        assertTrue(Double.isNaN(v.value()));
        assertFalse(v.defined());
        assertTrue(v.reason().contains("only positive"), v.reason());
    }

    @Test
    void nanScoreIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Auroc.binary(labels(0, 1), new double[] {0.2, Double.NaN}));
    }

    @Test
    void macroAndWeightedAverages() {
        // class 0: perfect (1.0, 2 positives); class 1: 0.5 (1 positive); class 2: undefined (no positive)
        boolean[][] pos = {labels(1, 1, 0, 0), labels(0, 0, 1, 0), labels(0, 0, 0, 0)};
        double[][] sc = {{0.9, 0.8, 0.1, 0.2}, {0.5, 0.5, 0.5, 0.5}, {0.1, 0.2, 0.3, 0.4}};
        Auroc.Averaged a = Auroc.perClass(pos, sc);
        assertEquals(0.75, a.macro(), EXACT);
        assertEquals((2 * 1.0 + 1 * 0.5) / 3, a.weighted(), EXACT);
        assertEquals(2, a.definedClasses());
        assertTrue(a.note().contains("class 2"), a.note());
    }

    /** Rows of class scores, one per case, as a score file or a model's probabilities give them. */
    private static final double[][] ROWS = {{0.9, 0.05, 0.05}, {0.1, 0.7, 0.2}, {0.2, 0.3, 0.1}, {0.8, 0.1, 0.1}};

    @Test
    void oneVsRestFromRowsTakesColumnCForClassC() {
        Auroc.Averaged a = Auroc.oneVsRest(new int[] {0, 1, 2, 0}, ROWS, 3);
        // class 0: positives 0.9, 0.8 over negatives 0.1, 0.2: 4 of 4 pairs
        assertEquals(1.0, a.perClass()[0].value(), EXACT);
        // class 1: positive 0.7 over 0.05, 0.3, 0.1: 3 of 3
        assertEquals(1.0, a.perClass()[1].value(), EXACT);
        // class 2: positive 0.1 against 0.05 (won), 0.2 (lost), 0.1 (tie, one half): 1.5 of 3
        assertEquals(0.5, a.perClass()[2].value(), EXACT);
        assertEquals(2.5 / 3, a.macro(), EXACT);
        assertEquals((2 * 1.0 + 1 * 1.0 + 1 * 0.5) / 4, a.weighted(), EXACT);
    }

    @Test
    void binaryFromRowsTakesTheNamedColumnAndLabelOneAsPositive() {
        // column 1, positives (label 1) 0.05 and 0.3, negatives 0.7 and 0.1: only 0.3 > 0.1 of 4 pairs
        assertEquals(0.25, Auroc.binary(new int[] {1, 0, 1, 0}, ROWS, 1).value(), EXACT);
        // column 0, same labels: positives 0.9, 0.2 over negatives 0.1, 0.8: 0.9 > both, 0.2 > 0.1
        assertEquals(0.75, Auroc.binary(new int[] {1, 0, 1, 0}, ROWS, 0).value(), EXACT);
        assertThrows(IllegalArgumentException.class, () -> Auroc.oneVsRest(new int[] {0, 1}, ROWS, 3));
    }
}
