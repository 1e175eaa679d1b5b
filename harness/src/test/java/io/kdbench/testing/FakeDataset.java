package io.kdbench.testing;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;

import java.util.ArrayList;
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
    public ParamSpec parameters() {
        return ParamSpec.of(
                Param.of("n", 20, "cases per split").atLeast(2),
                Param.of("task", "classification", "the task"));
    }

    @Override
    public void validate(Params p) {
        parameters().check(p);
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
            test.add(Sample.of("c" + i, Map.of("image", Image.of2d(new float[] {v}, 1, 1, 1))).withLabel(label));
        }
        return new Splits(test, List.of(), test, List.of());
    }
}
