package io.kdbench.datasets;

import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.datasets.partition.FederatedPartition;
import io.kdbench.datasets.partition.LabelledFraction;
import io.kdbench.datasets.partition.StratifiedSplit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartitionTest {

    @Test
    void stratifiedSplitHasExactSizesAndKeepsClassProportions() {
        int[] strata = new int[300];
        for (int i = 0; i < strata.length; i++) {
            strata[i] = i < 200 ? 0 : 1; // 2:1 imbalance
        }
        int[] part = StratifiedSplit.assign(strata, new int[] {180, 60, 60}, 3);
        int[][] counts = new int[3][2];
        for (int i = 0; i < part.length; i++) {
            counts[part[i]][strata[i]]++;
        }
        assertArrayEquals(new int[] {120, 60}, counts[0]);
        assertArrayEquals(new int[] {40, 20}, counts[1]);
        assertArrayEquals(new int[] {40, 20}, counts[2]);
        assertArrayEquals(part, StratifiedSplit.assign(strata, new int[] {180, 60, 60}, 3));
        assertTrue(!Arrays.equals(part, StratifiedSplit.assign(strata, new int[] {180, 60, 60}, 4)));
    }

    @Test
    void countsFromFractionsSumToN() {
        assertArrayEquals(new int[] {7, 2, 1}, StratifiedSplit.countsFromFractions(10, new double[] {0.7, 0.15, 0.15}));
        assertEquals(11, Arrays.stream(StratifiedSplit.countsFromFractions(11, new double[] {1, 1, 1})).sum());
    }

    @Test
    void labelledFractionKeepsAStratifiedShareAndStripsTheRest() {
        List<Sample> train = samples(100, 4);
        List<Sample> out = LabelledFraction.apply(train, 0.2, 9);
        List<Sample> kept = out.stream().filter(Sample::labelled).toList();
        assertEquals(20, kept.size());
        int[] perClass = new int[4];
        kept.forEach(s -> perClass[s.label()]++);
        assertArrayEquals(new int[] {5, 5, 5, 5}, perClass);
        for (Sample s : out) {
            if (!s.labelled()) {
                assertEquals(-1, s.label());
                assertNull(s.mask());
            }
        }
    }

    @Test
    void iidClientsAreEqualAndDirichletSkewGrowsAsAlphaShrinks() {
        List<Sample> train = samples(400, 4);
        Map<String, int[]> iid = perClient(FederatedPartition.assign(train, FederatedPartition.Mode.IID, 4, 0, 1));
        for (int[] c : iid.values()) {
            assertEquals(100, Arrays.stream(c).sum());
            assertArrayEquals(new int[] {25, 25, 25, 25}, c);
        }
        double skewSmall = skew(perClient(FederatedPartition.assign(train, FederatedPartition.Mode.DIRICHLET, 4, 0.1, 1)));
        double skewLarge = skew(perClient(FederatedPartition.assign(train, FederatedPartition.Mode.DIRICHLET, 4, 100, 1)));
        assertTrue(skewSmall > skewLarge + 0.2, skewSmall + " vs " + skewLarge);
        assertThrows(IllegalArgumentException.class,
                () -> FederatedPartition.assign(train, FederatedPartition.Mode.SITE, 4, 1, 1));
    }

    /** Mean over clients of the largest class share (1 = each client holds one class, 0.25 = balanced). */
    private static double skew(Map<String, int[]> byClient) {
        return byClient.values().stream().filter(c -> Arrays.stream(c).sum() > 0)
                .mapToDouble(c -> Arrays.stream(c).max().orElseThrow() / (double) Arrays.stream(c).sum())
                .average().orElseThrow();
    }

    private static Map<String, int[]> perClient(List<Sample> samples) {
        Map<String, int[]> m = new TreeMap<>();
        samples.forEach(s -> m.computeIfAbsent(s.client(), c -> new int[4])[s.label()]++);
        return m;
    }

    private static List<Sample> samples(int n, int classes) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Sample.of("s" + i, Map.of("image", Image.of2d(new float[] {i}, 1, 1, 1))).withLabel(i % classes));
        }
        return out;
    }
}
