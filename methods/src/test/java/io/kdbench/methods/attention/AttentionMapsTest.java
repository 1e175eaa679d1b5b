package io.kdbench.methods.attention;

import io.kdbench.data.Image;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Attention read-outs on 3 tokens (CLS and 2 patches), worked out by hand. Maps are [block][head][T][T]. */
class AttentionMapsTest {
    static final double EXACT = 1e-12;

    @Test
    void lastClsIsTheHeadMeanOfTheLastBlocksClsRowWithoutCls() {
        float[][][][] maps = {
                {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}, // an earlier block is not read
                {{{0.5f, 0.25f, 0.25f}, {0, 1, 0}, {0, 0, 1}}, {{0.5f, 0.5f, 0}, {0, 1, 0}, {0, 0, 1}}},
        };
        // heads give (0.25, 0.25) and (0.5, 0): mean (0.375, 0.125)
        assertArrayEquals(new double[] {0.375, 0.125}, AttentionMaps.lastCls(maps), EXACT);
    }

    @Test
    void rolloutAddsTheResidualRenormalisesAndMultipliesThroughTheBlocks() {
        // block 1: A1 = (H + I) / 2 with H's CLS row (1/2, 1/2, 0): CLS row (3/4, 1/4, 0), patches stay themselves
        // block 2: every token attends to patch 2: A2 rows (1/2, 0, 1/2), (0, 1/2, 1/2), (0, 0, 1)
        // rollout = A2 A1, CLS row = 1/2 (3/4, 1/4, 0) + 1/2 (0, 0, 1) = (3/8, 1/8, 1/2)
        float[][][][] maps = {
                {{{0.5f, 0.5f, 0}, {0, 1, 0}, {0, 0, 1}}},
                {{{0, 0, 1}, {0, 0, 1}, {0, 0, 1}}},
        };
        assertArrayEquals(new double[] {0.125, 0.5}, AttentionMaps.rollout(maps), EXACT);
    }

    @Test
    void rolloutRenormalisesRowsThatDoNotSumToOne() {
        // CLS row (1, 1, 0) / 2 + (1/2, 0, 0) = (1, 1/2, 0), sum 3/2: (2/3, 1/3, 0)
        float[][][][] maps = {{{{1, 1, 0}, {0, 1, 0}, {0, 0, 1}}}};
        assertArrayEquals(new double[] {1.0 / 3, 0}, AttentionMaps.rollout(maps), EXACT);
    }

    @Test
    void toImageGivesEachPatchsPixelsItsValue() {
        Image im = AttentionMaps.toImage(new double[] {1, 2, 3, 4}, 4, 4, 2);
        assertEquals(1, im.channels());
        assertEquals(4, im.height());
        assertEquals(4, im.width());
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, im.data());
    }
}
