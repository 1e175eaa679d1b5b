package io.kdbench.testing;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A test dataset: one pixel per image whose value is the label plus seeded noise. */
public final class FakeDataset implements BenchmarkDataset {
    @Override
    public String id() {
        return "fake-data";
    }

    @Override
    public String summary() {
        return "test data";
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("n", 20);
        d.put("task", "classification");
        return d;
    }

    @Override
    public void validate(Params p) {
        if (p.getInt("n") < 2) {
            throw new IllegalArgumentException("n must be >= 2, got " + p.getInt("n"));
        }
    }

    @Override
    public DatasetInfo info(Params params) {
        Task task = params.getString("task").equals("segmentation") ? Task.SEGMENTATION_2D : Task.CLASSIFICATION;
        return new DatasetInfo(id(), task, List.of("a", "b"), List.of(new Modality("image", Modality.Kind.IMAGE, false)), false);
    }

    @Override
    public Splits splits(Params params, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Sample> test = new ArrayList<>();
        for (int i = 0; i < params.getInt("n"); i++) {
            int label = i % 2;
            float v = (float) (label + r.nextGaussian());
            test.add(new Sample("c" + i, Map.of("image", Image.of2d(new float[] {v}, 1, 1, 1)), label, null, null, null, null, null, true));
        }
        return new Splits(test, List.of(), test, List.of());
    }
}
