package io.kdbench.methods.augment;

import io.kdbench.data.Image;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Augmenter's geometry on tiny images and label maps worked out by hand; its photometric parts by their bounds. */
class AugmenterTest {
    static Image row(float... v) {
        return Image.of2d(v, 1, 1, v.length);
    }

    static Image column(float... v) {
        return Image.of2d(v, 1, v.length, 1);
    }

    @Test
    void aShiftMovesContentAndRepeatsTheEdge() {
        // dx = 1: pixel x shows x - 1 (clamped at 0)
        assertArrayEquals(new float[] {1, 1, 2}, Augmenter.apply(new Augmenter.Geometry(false, 0, 1), row(1, 2, 3)).data());
        assertArrayEquals(new float[] {2, 3, 3}, Augmenter.apply(new Augmenter.Geometry(false, 0, -1), row(1, 2, 3)).data());
        // dy = -1 on a column: pixel y shows y + 1 (clamped at the last row)
        assertArrayEquals(new float[] {2, 3, 3}, Augmenter.apply(new Augmenter.Geometry(false, -1, 0), column(1, 2, 3)).data());
        assertArrayEquals(new float[] {1, 2, 3}, Augmenter.apply(Augmenter.Geometry.IDENTITY, row(1, 2, 3)).data());
    }

    @Test
    void aFlipMirrorsTheShiftedPosition() {
        assertArrayEquals(new float[] {3, 2, 1}, Augmenter.apply(new Augmenter.Geometry(true, 0, 0), row(1, 2, 3)).data());
        // shift first (sources 0, 0, 1), then mirror (2, 2, 1)
        assertArrayEquals(new float[] {3, 3, 2}, Augmenter.apply(new Augmenter.Geometry(true, 0, 1), row(1, 2, 3)).data());
    }

    @Test
    void labelsMoveExactlyAsTheImageDoesOnEveryChannelAndSlice() {
        Augmenter.Geometry g = new Augmenter.Geometry(true, 1, -1);
        // 2 x 2 x 3 (depth, height, width), values = their own index
        float[] v = new float[12];
        byte[] labels = new byte[12];
        for (int i = 0; i < 12; i++) {
            v[i] = i;
            labels[i] = (byte) i;
        }
        Image moved = Augmenter.apply(g, new Image(v, 1, 2, 2, 3, new double[] {1, 1, 1}));
        byte[] movedLabels = Augmenter.apply(g, labels, 2, 2, 3);
        // slice 0: y shows y - 1 clamped (rows 0, 0); x shows mirror of clamp(x + 1) = (1, 2, 2) -> (1, 0, 0)
        assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0, 7, 6, 6, 7, 6, 6}, moved.data());
        for (int i = 0; i < 12; i++) {
            assertEquals(moved.data()[i], movedLabels[i], "voxel " + i);
        }
        // two channels move alike
        float[] two = new float[6];
        for (int i = 0; i < 6; i++) {
            two[i] = i;
        }
        Image twoChannels = Augmenter.apply(new Augmenter.Geometry(true, 0, 0), new Image(two, 2, 1, 1, 3, new double[] {1, 1, 1}));
        assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3}, twoChannels.data());
    }

    @Test
    void drawnShiftsStayWithinTheLimitAndReachEveryValue() {
        Augmenter a = new Augmenter(2, 0, 0, 0);
        SplittableRandom rng = new SplittableRandom(11);
        Set<Integer> dys = new HashSet<>();
        Set<Boolean> flips = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            Augmenter.Geometry g = a.drawGeometry(rng);
            assertTrue(Math.abs(g.dy()) <= 2 && Math.abs(g.dx()) <= 2, g.toString());
            dys.add(g.dy());
            flips.add(g.flipX());
        }
        assertEquals(Set.of(-2, -1, 0, 1, 2), dys);
        assertEquals(Set.of(true, false), flips);
        Augmenter still = new Augmenter(0, 0, 0, 0);
        for (int i = 0; i < 20; i++) {
            Augmenter.Geometry g = still.drawGeometry(rng);
            assertEquals(0, g.dy());
            assertEquals(0, g.dx());
        }
    }

    @Test
    void photometricScalesAndShiftsWithinItsRangesAndIsTheIdentityWhenAllAreZero() {
        Image im = row(1, -2, 0.5f);
        assertArrayEquals(im.data(), new Augmenter(2, 0, 0, 0).photometric(im, new SplittableRandom(3)).data());
        // contrast only: one factor in [0.5, 1.5] for every pixel, drawn first from the generator
        Image scaled = new Augmenter(2, 0.5, 0, 0).photometric(im, new SplittableRandom(3));
        double factor = 1 + 0.5 * (2 * new SplittableRandom(3).nextDouble() - 1);
        assertTrue(factor >= 0.5 && factor <= 1.5);
        assertArrayEquals(new float[] {(float) factor, (float) (-2 * factor), (float) (0.5 * factor)}, scaled.data());
        // brightness only: one offset in [-0.25, 0.25], the second draw
        Image shifted = new Augmenter(2, 0, 0.25, 0).photometric(im, new SplittableRandom(3));
        double offset = shifted.data()[0] - 1;
        assertTrue(Math.abs(offset) <= 0.25, "offset " + offset);
        assertEquals(-2 + offset, shifted.data()[1], 1e-6);
        assertEquals(0.5 + offset, shifted.data()[2], 1e-6);
    }

    @Test
    void clippedNoiseNeverMovesAPixelFurtherThanTheClip() {
        float[] v = new float[200];
        Image noisy = Augmenter.clippedNoise(Image.of2d(v, 1, 10, 20), 10.0, 0.2, new SplittableRandom(5));
        int atClip = 0;
        for (float x : noisy.data()) {
            assertTrue(Math.abs(x) <= 0.2f, "moved " + x);
            atClip += Math.abs(x) == 0.2f ? 1 : 0;
        }
        // std 10 against clip 0.2: |noise| <= 0.2 only when |z| <= 0.02, about 1.6 % of draws
        assertTrue(atClip > 180, atClip + " of 200 at the clip");
        assertArrayEquals(v, Augmenter.clippedNoise(Image.of2d(v, 1, 10, 20), 0.0, 0.2, new SplittableRandom(5)).data());
    }
}
