package io.kdbench.metrics.surface;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EuclideanDistanceTransformTest {

    @Test
    void equalsBruteForceOnRandomAnisotropicVolumes() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 5; trial++) {
            int d = 3 + rnd.nextInt(8);
            int h = 1 + rnd.nextInt(12);
            int w = 1 + rnd.nextInt(12);
            double[] spacing = {0.5 + rnd.nextDouble(), 0.5 + rnd.nextDouble(), 0.5 + rnd.nextDouble()};
            byte[] grid = new byte[d * h * w];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = (byte) (rnd.nextDouble() < 0.04 ? 2 : rnd.nextInt(2));
            }
            double[] out = new double[grid.length];
            EuclideanDistanceTransform.squared(grid, (byte) 2, d, h, w, spacing, out);
            for (int i = 0; i < grid.length; i++) {
                double best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < grid.length; j++) {
                    if (grid[j] == 2) {
                        double dz = (i / (h * w) - j / (h * w)) * spacing[0];
                        double dy = ((i / w) % h - (j / w) % h) * spacing[1];
                        double dx = (i % w - j % w) * spacing[2];
                        best = Math.min(best, dz * dz + dy * dy + dx * dx);
                    }
                }
                assertEquals(best, out[i], 1e-9 * Math.max(1, best), "voxel " + i + " trial " + trial);
            }
        }
    }

    @Test
    void noFeatureLeavesInfinity() {
        double[] out = new double[8];
        EuclideanDistanceTransform.squared(new byte[8], (byte) 1, 2, 2, 2, new double[] {1, 1, 1}, out);
        for (double v : out) {
            assertTrue(Double.isInfinite(v));
        }
    }
}
