package io.kdbench.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ResamplingTest {
    private static final double[] UNIT = {1, 1, 1};

    // 2 x 2 -> 4 x 4: each axis samples the old grid at (i + 0.5) * 2 / 4 - 0.5 = -0.25 (clamped to 0), 0.25, 0.75,
    // 1.25 (clamped to 1); the value y * 2 + x is linear, so both operations give it exactly there
    private static final float[] RAMP_4X4 = {
            0, 0.25f, 0.75f, 1,
            0.5f, 0.75f, 1.25f, 1.5f,
            1.5f, 1.75f, 2.25f, 2.5f,
            2, 2.25f, 2.75f, 3};

    private static Image ramp() {
        return new Image(new float[] {0, 1, 2, 3}, 1, 1, 2, 2, UNIT);
    }

    @Test
    void linearByAxesOnARampIsTheRampAtTheCentreAlignedPositions() {
        Image out = Resampling.linearByAxes(ramp(), 1, 4, 4);
        assertArrayEquals(RAMP_4X4, out.data());
        assertArrayEquals(new double[] {1, 0.5, 0.5}, out.spacing());
    }

    @Test
    void linearByCornersOnARampIsTheSameRamp() {
        Image out = Resampling.linearByCorners(ramp(), 1, 4, 4);
        assertArrayEquals(RAMP_4X4, out.data());
        assertArrayEquals(new double[] {1, 0.5, 0.5}, out.spacing());
    }

    @Test
    void theTwoLinearOperationsDifferInTheLastBitWhereTheExactValueIsHalfwayBetweenTwoFloats() {
        // 2 -> 5 samples at -0.3 (0), 0.1, 0.5, 0.9, 1.3 (1). At 0.9 the exact value is 0.1 * 5 + 0.9 * 0.3f
        // = 0.5 + 0.9 * 0.300000011920928955078125 = 0.7700000107288360595703125, exactly halfway between the floats
        // 0.77f (0.769999980926513671875) and the next one up (0.77000004053115844727): the double rounding of each
        // operation's arithmetic decides. By axes, 5 + (0.3f - 5) * 0.9 lands below; by corners, 0.1 * 5 + 0.9 * 0.3f
        // lands above.
        Image in = new Image(new float[] {5, 0.3f}, 1, 1, 1, 2, UNIT);
        float[] byAxes = Resampling.linearByAxes(in, 1, 1, 5).data();
        float[] byCorners = Resampling.linearByCorners(in, 1, 1, 5).data();
        assertArrayEquals(new float[] {5, 4.53f, 2.65f, 0.77f, 0.3f}, byAxes);
        assertArrayEquals(new float[] {5, 4.53f, 2.65f, Math.nextUp(0.77f), 0.3f}, byCorners);
        assertNotEquals(byAxes[3], byCorners[3]);
    }

    @Test
    void linearKeepsChannelsApart() {
        Image in = new Image(new float[] {0, 2, 10, 10}, 2, 1, 1, 2, UNIT);
        float[] expected = {0, 0.5f, 1.5f, 2, 10, 10, 10, 10};
        assertArrayEquals(expected, Resampling.linearByAxes(in, 1, 1, 4).data());
        assertArrayEquals(expected, Resampling.linearByCorners(in, 1, 1, 4).data());
    }

    @Test
    void nearestTakesTheOldVoxelTheNewCentreFallsIn() {
        LabelMap in = new LabelMap(new byte[] {1, 2, 3}, 1, 1, 3, UNIT);
        // 3 -> 2: centres at 0.75 and 2.25 old voxels; 3 -> 5: at 0.3, 0.9, 1.5, 2.1, 2.7
        assertArrayEquals(new byte[] {1, 3}, Resampling.nearest(in, 1, 1, 2).labels());
        LabelMap up = Resampling.nearest(in, 1, 1, 5);
        assertArrayEquals(new byte[] {1, 1, 2, 3, 3}, up.labels());
        assertArrayEquals(new double[] {1, 1, 0.6}, up.spacing());
    }

    @Test
    void shapeForSpacingKeepsThePhysicalExtent() {
        assertArrayEquals(new int[] {1, 2, 2}, Resampling.shapeForSpacing(new double[] {1, 0.5, 0.5}, 1, 4, 4, UNIT));
        assertEquals(1, Resampling.shapeForSpacing(UNIT, 1, 1, 1, new double[] {3, 3, 3})[0]);
    }
}
