package io.kdbench.datasets.manifest;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RasOrientationTest {
    @Test
    void identityLeavesTheVolumeAlone() {
        RasOrientation o = new RasOrientation(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        assertTrue(o.isIdentity());
        assertEquals("RAS", o.storedCodes());
        Image im = Image.of2d(new float[] {1, 2}, 1, 1, 2);
        assertSame(im, o.apply(im));
    }

    /** A sagittal-style file: i runs Posterior, j Inferior, k Right ("PIR"). */
    @Test
    void permutedAndFlippedAxesComeBackInRasOrder() {
        double[] dir = {
                0, 0, 1,    // world x (R) comes from k
                -1, 0, 0,   // world y (A) from -i
                0, -1, 0};  // world z (S) from -j
        RasOrientation o = new RasOrientation(dir);
        assertEquals("PIR", o.storedCodes());
        int w = 2, h = 3, d = 4; // stored i, j, k sizes
        byte[] v = new byte[w * h * d];
        for (int k = 0; k < d; k++) {
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    v[(k * h + j) * w + i] = (byte) (6 * k + 2 * j + i);
                }
            }
        }
        LabelMap out = o.apply(new LabelMap(v, d, h, w, new double[] {3, 2, 1}));
        // new x <- k (size 4), new y <- i flipped (size 2), new z <- j flipped (size 3)
        assertEquals(4, out.width());
        assertEquals(2, out.height());
        assertEquals(3, out.depth());
        assertArrayEquals(new double[] {2, 1, 3}, out.spacing(), 0);
        for (int z = 0; z < 3; z++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 4; x++) {
                    int i = w - 1 - y, j = h - 1 - z, k = x;
                    assertEquals(6 * k + 2 * j + i, out.label(z, y, x));
                }
            }
        }
    }
}
