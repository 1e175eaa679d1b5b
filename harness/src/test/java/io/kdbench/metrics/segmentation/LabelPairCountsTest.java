package io.kdbench.metrics.segmentation;

import io.kdbench.data.LabelMap;
import io.kdbench.metrics.Box;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabelPairCountsTest {

    @Test
    void countsAndBoxesMatchAPlainLoop() {
        SplittableRandom rnd = new SplittableRandom(5);
        int d = 3;
        int h = 7;
        int w = 21; // not a multiple of 8: the word-skipping tail is exercised
        byte[] p = new byte[d * h * w];
        byte[] g = new byte[d * h * w];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (rnd.nextDouble() < 0.8 ? 0 : rnd.nextInt(4));
            g[i] = (byte) (rnd.nextDouble() < 0.8 ? 0 : rnd.nextInt(4));
        }
        LabelPairCounts c = LabelPairCounts.of(new LabelMap(p, d, h, w, null), new LabelMap(g, d, h, w, null));
        for (int label = 1; label <= 3; label++) {
            long np = 0;
            long ng = 0;
            long both = 0;
            int[] lo = {99, 99, 99};
            int[] hi = {-1, -1, -1};
            for (int i = 0; i < p.length; i++) {
                boolean inP = p[i] == label;
                boolean inG = g[i] == label;
                np += inP ? 1 : 0;
                ng += inG ? 1 : 0;
                both += inP && inG ? 1 : 0;
                if (inP || inG) {
                    int[] at = {i / (h * w), (i / w) % h, i % w};
                    for (int a = 0; a < 3; a++) {
                        lo[a] = Math.min(lo[a], at[a]);
                        hi[a] = Math.max(hi[a], at[a]);
                    }
                }
            }
            assertEquals(np, c.predicted(label));
            assertEquals(ng, c.truth(label));
            assertEquals(both, c.intersection(label));
            assertEquals(new Box(lo[0], hi[0], lo[1], hi[1], lo[2], hi[2]), c.unionBox(label));
            assertEquals(2.0 * both / (np + ng), c.dice(label), 1e-15);
            assertEquals((double) both / (np + ng - both), c.iou(label), 1e-15);
        }
        assertEquals(3, c.maxLabel());
        assertNull(c.unionBox(4));
        assertEquals(Double.NaN, c.dice(4));
    }

    @Test
    void diceOfAMaskWithItselfIsOneAndIouIsDiceOverTwoMinusDice() {
        byte[] a = new byte[100];
        byte[] b = new byte[100];
        for (int i = 10; i < 60; i++) {
            a[i] = 1;
        }
        for (int i = 40; i < 90; i++) {
            b[i] = 1;
        }
        LabelMap ma = LabelMap.of2d(a, 10, 10);
        assertEquals(1.0, LabelPairCounts.of(ma, ma).dice(1), 0);
        LabelPairCounts c = LabelPairCounts.of(ma, LabelMap.of2d(b, 10, 10));
        assertEquals(2.0 * 20 / 100, c.dice(1), 1e-15);
        assertEquals(c.dice(1) / (2 - c.dice(1)), c.iou(1), 1e-15);
    }

    @Test
    void shapeMismatchIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> LabelPairCounts.of(LabelMap.of2d(new byte[4], 2, 2), LabelMap.of2d(new byte[6], 2, 3)));
    }
}
