package io.kdbench.metrics.surface;

import io.kdbench.data.LabelMap;
import io.kdbench.metrics.segmentation.LabelPairCounts;
import org.junit.jupiter.api.Test;

import static io.kdbench.metrics.surface.PercentileConvention.MEDPY;
import static io.kdbench.metrics.surface.PercentileConvention.MONAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden values from MONAI's tests/metrics/test_hausdorff_distance.py and prior-art.md section 2.2. */
class SurfaceDistancesTest {
    private static final double GOLDEN = 1e-4;
    private static final double[] ANISO = {0.85, 1.2, 0.9};

    static SurfaceDistances between(LabelMap pred, LabelMap truth) {
        return SurfaceDistances.of(pred, truth, 1, LabelPairCounts.of(pred, truth).unionBox(1));
    }

    @Test
    void identicalSpheresAreAtZero() {
        LabelMap s = Spheres.sphere(99, 20, 49, 49, 49);
        SurfaceDistances d = between(s, s);
        assertEquals(0, d.hausdorff(), 0);
        assertEquals(0, d.percentile(95, MONAI), 0);
        assertEquals(0, d.averageSymmetric(), 0);
    }

    @Test
    void shiftedSpheres() {
        SurfaceDistances d = between(Spheres.sphere(99, 20, 20, 20, 20), Spheres.sphere(99, 20, 19, 19, 19));
        assertEquals(1.7320508075688772, d.directedPercentile(100), GOLDEN);
        assertEquals(1.7320508075688772, d.hausdorff(), GOLDEN);
        assertEquals(1.732051, d.percentile(95, MONAI), GOLDEN);
        assertEquals(1.732051, d.percentile(95, MEDPY), GOLDEN);
        SurfaceDistances e = between(Spheres.sphere(99, 33, 19, 33, 22), Spheres.sphere(99, 33, 20, 33, 22));
        assertEquals(1, e.directedPercentile(100), GOLDEN);
        assertEquals(1, e.hausdorff(), GOLDEN);
    }

    @Test
    void nestedSpheresClippedByTheImageBorder() {
        SurfaceDistances d = between(Spheres.sphere(99, 20, 20, 33, 22), Spheres.sphere(99, 40, 20, 33, 22));
        assertEquals(20.09975124224178, d.directedPercentile(100), GOLDEN);
        assertEquals(20.223748416156685, d.hausdorff(), GOLDEN);
        assertEquals(19.924858845171276, d.directedPercentile(95), GOLDEN);
        assertEquals(20.09975124224178, d.percentile(95, MONAI), GOLDEN);
        assertEquals(20.049938, d.percentile(95, MEDPY), GOLDEN);
    }

    @Test
    void anisotropicSpacing() {
        SurfaceDistances d = between(Spheres.sphere(99, 20, new double[] {20, 20, 20}, ANISO),
                Spheres.sphere(99, 20, new double[] {19, 19, 19}, ANISO));
        assertEquals(2.0808651447296143, d.directedPercentile(100), GOLDEN);
        assertEquals(2.2671568, d.hausdorff(), GOLDEN);
        SurfaceDistances e = between(Spheres.sphere(99, 15, new double[] {20, 33, 22}, ANISO),
                Spheres.sphere(99, 30, new double[] {20, 33, 22}, ANISO));
        assertEquals(15.439640998840332, e.directedPercentile(100), GOLDEN);
        assertEquals(15.62594, e.hausdorff(), GOLDEN);
        assertEquals(15.215206, e.percentile(95, MONAI), GOLDEN);
        assertEquals(15.167152, e.percentile(95, MEDPY), GOLDEN);
    }

    @Test
    void monaiHd95IsSymmetricUnderSwapping() {
        LabelMap a = Spheres.sphere(64, 12, 30, 31, 29);
        LabelMap b = Spheres.sphere(64, 17, 33, 30, 32);
        assertEquals(between(a, b).percentile(95, MONAI), between(b, a).percentile(95, MONAI), 0);
        assertEquals(between(a, b).averageSymmetric(), between(b, a).averageSymmetric(), 1e-12);
    }

    @Test
    void translatingBothMasksChangesNothing() {
        LabelMap a = Spheres.sphere(64, 12, 30, 31, 29);
        LabelMap b = Spheres.sphere(64, 17, 33, 30, 32);
        LabelMap a2 = Spheres.sphere(64, 12, 25, 36, 27);
        LabelMap b2 = Spheres.sphere(64, 17, 28, 35, 30);
        assertEquals(between(a, b).percentile(95, MONAI), between(a2, b2).percentile(95, MONAI), 1e-12);
        assertEquals(between(a, b).hausdorff(), between(a2, b2).hausdorff(), 1e-12);
    }

    @Test
    void distancesScaleWithIsotropicSpacing() {
        LabelMap a = Spheres.sphere(64, 12, 30, 31, 29);
        LabelMap b = Spheres.sphere(64, 17, 33, 30, 32);
        double[] twice = {2.5, 2.5, 2.5};
        LabelMap a2 = new LabelMap(a.labels(), 64, 64, 64, twice);
        LabelMap b2 = new LabelMap(b.labels(), 64, 64, 64, twice);
        assertEquals(2.5 * between(a, b).percentile(95, MONAI), between(a2, b2).percentile(95, MONAI), 1e-9);
        assertEquals(2.5 * between(a, b).averageSymmetric(), between(a2, b2).averageSymmetric(), 1e-9);
    }

    @Test
    void twoDimensionalSquaresKnownByHand() {
        // truth: 4x4 square at rows/cols 2..5; prediction: same square shifted right by 3 columns (cols 5..8)
        byte[] t = new byte[12 * 12];
        byte[] p = new byte[12 * 12];
        for (int y = 2; y <= 5; y++) {
            for (int x = 2; x <= 5; x++) {
                t[y * 12 + x] = 1;
                p[y * 12 + x + 3] = 1;
            }
        }
        // every voxel of a 4x4 square is on its boundary except the 2x2 core; in 2-D no z-neighbour counts
        SurfaceDistances d = between(new LabelMap(p, 1, 12, 12, null), new LabelMap(t, 1, 12, 12, null));
        assertEquals(12, d.predictionToTruth().length);
        assertEquals(3, d.hausdorff(), 1e-12);
        // prediction boundary columns 5, 6, 7, 8 lie 0, 1, 2, 3 from truth column 5 (nearest truth boundary);
        // the two core-row voxels at col 6 and 7 are absent from the boundary, rows 2 and 5 are full
        double[] expected = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 3, 3};
        assertTrue(java.util.Arrays.equals(expected, d.predictionToTruth()),
                java.util.Arrays.toString(d.predictionToTruth()));
    }
}
