package io.kdbench.methods.mmpkd.teachers;

import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Out-of-fold soft targets: no training sample's target comes from a teacher that was trained on it. */
class OutOfFoldTest {

    /** A teacher that answers 1 for a sample it was trained on and 0 for one it was not. */
    private record Remembering(Set<String> seen) implements PrivilegedTeacher {
        public float[][] probabilities(List<Sample> samples, double temperature) {
            float[][] p = new float[samples.size()][];
            for (int i = 0; i < p.length; i++) {
                float s = seen.contains(samples.get(i).id()) ? 1f : 0f;
                p[i] = new float[] {1 - s, s};
            }
            return p;
        }

        public long parameterCount() {
            return 0;
        }

        public String kind() {
            return "remembering";
        }
    }

    private static List<Sample> samples(String prefix, int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Sample.of(prefix + i, Map.of("image", Image.of2d(new float[] {i}, 1, 1, 1))).withLabel(i % 2));
        }
        return out;
    }

    @Test
    void everyTargetComesFromATeacherThatDidNotSeeTheSample() {
        List<Sample> train = samples("t", 23);
        List<Sample> validation = samples("v", 4);
        List<Set<String>> trainedOn = new ArrayList<>();
        Teachers.OutOfFold r = Teachers.outOfFold(train, validation, 5, 42, 2.0, (fit, fold) -> {
            Set<String> ids = new HashSet<>();
            fit.forEach(s -> ids.add(s.id()));
            trainedOn.add(ids);
            return new Remembering(ids);
        });
        assertEquals(5, trainedOn.size());
        for (int i = 0; i < train.size(); i++) {
            assertEquals(0f, r.soft()[i][1], "sample " + i + " got its target from a teacher that saw it");
        }
        // each sample is held out by exactly one fold and seen by the other four; folds differ by at most one
        for (Sample s : train) {
            assertEquals(4, trainedOn.stream().filter(ids -> ids.contains(s.id())).count(), s.id());
        }
        for (Set<String> ids : trainedOn) {
            assertTrue(ids.size() == 23 - 4 || ids.size() == 23 - 5, "fold sizes 4 or 5: " + ids.size());
        }
        // validation samples are seen by no teacher: the averaged probability is 0 for "seen"
        for (double[] p : r.validation()) {
            assertEquals(1.0, p[0], 1e-6);
        }
    }

    @Test
    void foldsAreBalancedAndDependOnlyOnTheSeed() {
        int[] a = Teachers.folds(10, 3, 7);
        int[] b = Teachers.folds(10, 3, 7);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        int[] counts = new int[3];
        for (int f : a) {
            counts[f]++;
        }
        assertEquals("[4, 3, 3]", java.util.Arrays.toString(counts));
    }
}
