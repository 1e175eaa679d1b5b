package io.kdbench.datasets.synthetic;

import io.kdbench.api.Params;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.datasets.synthetic.draw.Ellipse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probe pose of fetal-us: its geometry, its parameters, and how much it moves the anatomy. */
class FetalUsDatasetTest {
    private static final FetalUsDataset DATA = new FetalUsDataset();

    private static Params params(Map<String, Object> overrides) {
        return Params.of(DATA.defaults(), overrides);
    }

    @Test
    void aQuarterTurnMovesAnEllipseAndKeepsItsShape() {
        // 90 degrees about the centre of a 40 px image, then twice the size and a shift of (2, -3) px
        FetalUsDataset.Pose pose = new FetalUsDataset.Pose(Math.PI / 2, 2, 2, -3, 40);
        Ellipse e = new Ellipse(10, 20, 3, 5, 0.2);
        Ellipse moved = pose.apply(e);
        // centre (10, 20) is 10 px above the image centre (20, 20); turned, it lies 10 px right, doubled 20 px
        assertEquals(20 + 2, moved.cy(), 1e-9);
        assertEquals(20 - 3 + 20, moved.cx(), 1e-9);
        assertEquals(6, moved.ry(), 1e-9);
        // a point's level is the level of the point it came from
        double y = 11.5, x = 21;
        double yc = y - 20, xc = x - 20;
        double my = 20 + 2 + 2 * (0 * yc + 1 * xc), mx = 20 - 3 + 2 * (-1 * yc + 0 * xc);
        assertEquals(e.level(y, x), moved.level(my, mx), 1e-9);
    }

    @Test
    void theKnownPoseAtAFixedSeed() {
        FetalUsDataset.Pose pose = FetalUsDataset.Pose.draw(new SplittableRandom(5), 30, 0.1, 0.2, 32);
        FetalUsDataset.Pose again = FetalUsDataset.Pose.draw(new SplittableRandom(5), 30, 0.1, 0.2, 32);
        assertEquals(pose, again);
        assertTrue(Math.abs(Math.toDegrees(pose.angle())) <= 30 && Math.abs(pose.scale() - 1) <= 0.2
                && Math.abs(pose.dy()) <= 3.2 && Math.abs(pose.dx()) <= 3.2, pose.toString());
        FetalUsDataset.Pose none = FetalUsDataset.Pose.draw(new SplittableRandom(5), 0, 0, 0, 32);
        // zero ranges give the fixed layout (0 * a negative draw is -0.0, so compare values, not records)
        assertEquals(0, none.angle(), 0);
        assertEquals(1, none.scale(), 0);
        assertEquals(0, none.dy(), 0);
        assertEquals(0, none.dx(), 0);
    }

    @Test
    void aBadPoseParameterIsNamed() {
        for (Map.Entry<String, Double> bad : List.of(Map.entry("rotation", 200.0), Map.entry("shift", -0.1),
                Map.entry("scale", 0.9))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DATA.info(params(Map.of(bad.getKey(), bad.getValue()))));
            assertTrue(e.getMessage().startsWith(bad.getKey() + " must be in"), e.getMessage());
        }
    }

    @Test
    void thePoseSpreadsTheHeadAndTheSameSeedRepeats() {
        Map<String, Object> small = Map.of("size", 32, "n_train", 10, "n_val", 1, "n_test", 30);
        Map<String, Object> fixed = new java.util.HashMap<>(small);
        fixed.putAll(Map.of("rotation", 0.0, "shift", 0.0, "scale", 0.0));
        Splits posed = DATA.splits(params(small), 3);
        double posedSpread = headCentreSpread(posed.test());
        double fixedSpread = headCentreSpread(DATA.splits(params(fixed), 3).test());
        assertTrue(posedSpread > 1.5 * fixedSpread, "head centre spread " + posedSpread + " vs " + fixedSpread);
        Sample a = posed.test().get(4), b = DATA.splits(params(small), 3).test().get(4);
        assertArrayEquals(a.image("image").data(), b.image("image").data());
    }

    /** Standard deviation of the head's centroid (pixels, both axes together) across cases. */
    private static double headCentreSpread(List<Sample> cases) {
        double[] cy = new double[cases.size()], cx = new double[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            var m = cases.get(i).mask();
            int w = m.width(), n = 0;
            for (int j = 0; j < m.size(); j++) {
                if (m.label(j) == 2) {
                    cy[i] += j / w;
                    cx[i] += j % w;
                    n++;
                }
            }
            cy[i] /= n;
            cx[i] /= n;
        }
        return Math.sqrt(variance(cy) + variance(cx));
    }

    private static double variance(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        return java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElseThrow();
    }

    /** The segmentation rows' rare-foreground loss is on for fetal-us because its symphysis is a small class. */
    @Test
    void declaresARareForegroundWhoseSymphysisIsAFewPercentOfThePixels() {
        Params p = params(Map.of("size", 32, "n_train", 2, "n_val", 2, "n_test", 40));
        assertTrue(DATA.info(p).rareForeground());
        long symphysis = 0, pixels = 0;
        for (Sample s : DATA.splits(p, 3).test()) {
            for (int i = 0; i < s.mask().size(); i++) {
                symphysis += s.mask().label(i) == 1 ? 1 : 0;
            }
            pixels += s.mask().size();
        }
        double share = (double) symphysis / pixels;
        assertTrue(share > 0.005 && share < 0.05, "symphysis share " + share);
    }
}
