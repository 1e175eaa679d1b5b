package io.kdbench.metrics.classification;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfusionCountsTest {
    private static final double EPS = 1e-15;

    @Test
    void binaryRatesAreThoseOfClassOne() {
        // truth 1,1,1,0,0,0,0,0 / predicted 1,1,0,1,0,0,0,0: tp=2 fn=1 fp=1 tn=4
        ConfusionCounts m = ConfusionCounts.of(new int[] {1, 1, 1, 0, 0, 0, 0, 0},
                new int[] {1, 1, 0, 1, 0, 0, 0, 0}, 2);
        assertEquals(6.0 / 8, m.accuracy(), EPS);
        assertEquals(2.0 / 3, m.sensitivity(), EPS);
        assertEquals(4.0 / 5, m.specificity(), EPS);
        assertEquals(4.0 / 6, m.f1(), EPS);
        assertEquals((2.0 / 3 + 4.0 / 5) / 2, m.balancedAccuracy(), EPS);
    }

    @Test
    void multiClassRatesAreMacroMeans() {
        // truth 0,0,1,1,2,2 / predicted 0,1,1,1,2,0
        ConfusionCounts m = ConfusionCounts.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}, 3);
        assertEquals(4.0 / 6, m.accuracy(), EPS);
        double recall = (0.5 + 1.0 + 0.5) / 3;
        assertEquals(recall, m.sensitivity(), EPS);
        assertEquals(recall, m.balancedAccuracy(), EPS);
        // F1: class 0 tp1 fp1 fn1 -> 0.5; class 1 tp2 fp1 fn0 -> 0.8; class 2 tp1 fp0 fn1 -> 2/3
        assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, m.f1(), EPS);
        // specificity: class 0 tn3/4, class 1 tn3/4, class 2 tn4/4
        assertEquals((0.75 + 0.75 + 1.0) / 3, m.specificity(), EPS);
    }

    @Test
    void classesAbsentFromTruthAndPredictionsAreNotAveraged() {
        ConfusionCounts m = ConfusionCounts.of(new int[] {0, 1}, new int[] {0, 1}, 4);
        assertEquals(1.0, m.f1(), EPS);
        assertEquals(1.0, m.balancedAccuracy(), EPS);
    }

    @Test
    void argmaxTakesTheFirstOfTies() {
        assertEquals(1, ConfusionCounts.argmax(new double[] {0.2, 0.4, 0.4}));
    }
}
