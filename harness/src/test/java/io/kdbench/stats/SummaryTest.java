package io.kdbench.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    @Test
    void meanSdAndStudentInterval() {
        Summary s = Summary.of(new double[] {1, 2, 3, 4, 5, Double.NaN});
        assertEquals(3, s.mean(), 1e-15);
        assertEquals(Math.sqrt(2.5), s.sd(), 1e-15);
        assertEquals(5, s.n());
        assertEquals(1, s.missing());
        // t(0.975, 4) = 2.7764451051977987 (standard tables: 2.776)
        double half = 2.7764451051977987 * Math.sqrt(2.5) / Math.sqrt(5);
        Interval ci = s.tInterval(0.95);
        assertEquals(3 - half, ci.lower(), 1e-9);
        assertEquals(3 + half, ci.upper(), 1e-9);
    }

    @Test
    void bootstrapIsReproducibleForAFixedSeed() {
        double[] v = {0.81, 0.84, 0.79, 0.88, 0.85, 0.83, 0.80};
        Summary s = Summary.of(v);
        Interval a = s.bootstrapInterval(0.95, 2000, 42);
        assertEquals(a, s.bootstrapInterval(0.95, 2000, 42));
        assertNotEquals(a, s.bootstrapInterval(0.95, 2000, 43));
        assertTrue(a.contains(s.mean()) && a.lower() >= 0.79 && a.upper() <= 0.88, a.toString());
        // the bootstrap interval of resampled means is narrower than the range of the data
        assertTrue(a.upper() - a.lower() < 0.09);
    }

    @Test
    void constantValuesGiveAPointInterval() {
        Interval b = Summary.of(new double[] {0.5, 0.5, 0.5}).bootstrapInterval(0.95, 100, 1);
        assertEquals(0.5, b.lower(), 0);
        assertEquals(0.5, b.upper(), 0);
    }

    @Test
    void oneValueHasNoInterval() {
        assertTrue(Double.isNaN(Summary.of(new double[] {1}).tInterval(0.95).lower()));
        assertTrue(Double.isNaN(Summary.of(new double[] {1}).sd()));
    }
}
