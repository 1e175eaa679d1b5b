package io.kdbench.metrics.segmentation;

import io.kdbench.api.EmptyPolicy;
import io.kdbench.data.LabelMap;
import org.junit.jupiter.api.Test;

import static io.kdbench.api.EmptyPolicy.NAN;
import static io.kdbench.api.EmptyPolicy.PENALTY;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every empty case under both policies, for overlap and distance scores. */
class EmptyCasesTest {
    // 10 rows x 20 columns, spacing y = 2, x = 0.5: extents 20 and 10, diagonal sqrt(500)
    private static final double DIAGONAL = Math.sqrt(500);
    private static final LabelMap EMPTY = map(false);
    private static final LabelMap FULL = map(true);

    private static LabelMap map(boolean withSquare) {
        byte[] v = new byte[10 * 20];
        if (withSquare) {
            for (int y = 3; y < 6; y++) {
                for (int x = 4; x < 9; x++) {
                    v[y * 20 + x] = 1;
                }
            }
        }
        return new LabelMap(v, 1, 10, 20, new double[] {1, 2, 0.5});
    }

    private static CaseValue score(SegmentationScore s, LabelMap pred, LabelMap gt, EmptyPolicy policy) {
        return s.score(LabelPairCounts.of(pred, gt), pred, gt, 1, policy);
    }

    private static void check(CaseValue expected, CaseValue actual) {
        assertEquals(expected.value(), actual.value(), 1e-12);
        assertEquals(expected.penalised(), actual.penalised());
    }

    @Test
    void overlapScores() {
        for (SegmentationScore s : new SegmentationScore[] {SegmentationScore.DICE, SegmentationScore.IOU}) {
            for (EmptyPolicy p : EmptyPolicy.values()) {
                check(new CaseValue(0, false), score(s, EMPTY, FULL, p));
                check(new CaseValue(0, false), score(s, FULL, EMPTY, p));
                check(new CaseValue(1, false), score(s, FULL, FULL, p));
            }
            check(new CaseValue(Double.NaN, false), score(s, EMPTY, EMPTY, NAN));
            check(new CaseValue(1, true), score(s, EMPTY, EMPTY, PENALTY));
        }
    }

    @Test
    void distanceScores() {
        for (SegmentationScore s : new SegmentationScore[] {SegmentationScore.HD, SegmentationScore.HD95_MONAI,
                SegmentationScore.HD95_MEDPY, SegmentationScore.ASSD}) {
            check(new CaseValue(Double.NaN, false), score(s, EMPTY, FULL, NAN));
            check(new CaseValue(Double.NaN, false), score(s, FULL, EMPTY, NAN));
            check(new CaseValue(Double.NaN, false), score(s, EMPTY, EMPTY, NAN));
            check(new CaseValue(DIAGONAL, true), score(s, EMPTY, FULL, PENALTY));
            check(new CaseValue(DIAGONAL, true), score(s, FULL, EMPTY, PENALTY));
            check(new CaseValue(0, true), score(s, EMPTY, EMPTY, PENALTY));
            for (EmptyPolicy p : EmptyPolicy.values()) {
                check(new CaseValue(0, false), score(s, FULL, FULL, p));
            }
        }
    }

    @Test
    void diagonalOfAVolumeCountsItsThreeAxes() {
        LabelMap v = new LabelMap(new byte[2 * 3 * 4], 2, 3, 4, new double[] {3, 1, 1});
        assertEquals(Math.sqrt(36 + 9 + 16), SegmentationScore.diagonal(v), 1e-12);
    }
}
