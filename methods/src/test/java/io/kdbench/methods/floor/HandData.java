package io.kdbench.methods.floor;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Hand-built cases whose answers are known: images whose brightness carries the label. */
final class HandData {
    static final int SIZE = 8;

    private HandData() {
    }

    static DatasetInfo info(Task task, List<String> classes) {
        return new DatasetInfo("hand", task, classes, List.of(new Modality("image", Modality.Kind.IMAGE, false),
                new Modality("depth", Modality.Kind.IMAGE, true)), false);
    }

    /** A gray 8x8 image, noise sd 0.2, bright (1) where {@code bright[q]} for quadrant q = 2 * (y / 4) + x / 4. */
    static Image quadrants(boolean[] bright, SplittableRandom rng) {
        float[] v = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int q = 2 * (y / 4) + x / 4;
                v[y * SIZE + x] = (float) ((bright[q] ? 1 : 0) + 0.2 * rng.nextGaussian());
            }
        }
        return Image.of2d(v, 1, SIZE, SIZE);
    }

    /** Training cases also carry a privileged noise image, which no floor may read (test cases lack it). */
    static Sample classified(String id, int label, float[] targets, Image image, boolean train, SplittableRandom rng) {
        Map<String, Image> images = train ? Map.of("image", image, "depth", noise(rng)) : Map.of("image", image);
        return Sample.of(id, images).withLabel(label).withTargets(targets);
    }

    static Sample segmented(String id, Image image, LabelMap mask) {
        return Sample.of(id, Map.of("image", image)).withMask(mask);
    }

    private static Image noise(SplittableRandom rng) {
        float[] v = new float[SIZE * SIZE];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return Image.of2d(v, 1, SIZE, SIZE);
    }
}
