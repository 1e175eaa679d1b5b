package io.kdbench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeanIntervalTest {
    // t(0.975, 2) = 4.302652729749464
    private static final double T2 = 4.302652729749464;

    @Test
    void diceNearOneStaysAtMostOne() {
        Summary s = Summary.of(new double[] {0.97, 0.99, 1.0});
        Interval ci = MeanInterval.of(s, Bounds.UNIT);
        assertEquals(1.0, ci.upper(), 0);
        double half = T2 * s.sd() / Math.sqrt(3);
        assertEquals(s.mean() - half, ci.lower(), 1e-12); // the lower end is the t interval's
        assertTrue(MeanInterval.cut(s, Bounds.UNIT));
    }

    @Test
    void aWideDiceIntervalIsCutAtZeroNotBelow() {
        // the example: Dice on 3 seeds, t interval [-0.294, 0.730]
        Summary s = Summary.of(new double[] {0.02, 0.15, 0.45});
        Interval t = s.tInterval(0.95);
        assertTrue(t.lower() < 0, t.toString());
        Interval ci = MeanInterval.of(s, Bounds.UNIT);
        assertEquals(0.0, ci.lower(), 0);
        assertEquals(t.upper(), ci.upper(), 0);
    }

    @Test
    void distancesStayNonNegativeAndUnboundedMetricsKeepTheTInterval() {
        Summary hd = Summary.of(new double[] {2, 30, 90});
        assertEquals(0.0, MeanInterval.of(hd, Bounds.NON_NEGATIVE).lower(), 0);
        assertEquals(hd.tInterval(0.95), MeanInterval.of(hd, Bounds.NONE));
        assertFalse(MeanInterval.cut(hd, Bounds.NONE));
    }

    @Test
    void insideTheRangeItIsTheTInterval() {
        Summary s = Summary.of(new double[] {0.91, 0.92, 0.94});
        assertEquals(s.tInterval(0.95), MeanInterval.of(s, Bounds.UNIT));
        assertFalse(MeanInterval.cut(s, Bounds.UNIT));
    }

    @Test
    void oneSeedHasNoInterval() {
        Interval ci = MeanInterval.of(Summary.of(new double[] {0.5}), Bounds.UNIT);
        assertTrue(Double.isNaN(ci.lower()) && Double.isNaN(ci.upper()));
    }

    @Test
    void boundsSayWhatTheyAre() {
        assertEquals("[0, 1]", Bounds.UNIT.toString());
        assertEquals("[0, ∞)", Bounds.NON_NEGATIVE.toString());
        assertEquals(0.5, Bounds.UNIT.clamp(0.5), 0);
        assertEquals(1.0, Bounds.UNIT.clamp(1.03), 0);
        assertTrue(MeanInterval.describe(Bounds.UNIT).contains("cut at the metric's range [0, 1]"));
    }
}
