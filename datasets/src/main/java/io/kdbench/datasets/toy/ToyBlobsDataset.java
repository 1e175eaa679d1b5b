package io.kdbench.datasets.toy;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.datasets.partition.SplitSizes;
import io.kdbench.data.Splits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The smallest dataset kdbench has, for tests and smoke runs: noisy grey images that hold a faint disc at a
 * random place (class 1, "finding") or nothing (class 0, "clear"); the disc's region is the ROI mask.
 * Balanced classes.
 */
public final class ToyBlobsDataset implements BenchmarkDataset {

    @Override
    public String id() {
        return "toy-blobs";
    }

    @Override
    public String summary() {
        return "tiny test data: is there a faint disc in the noise? binary classification with an ROI mask";
    }

    @Override
    public ParamSpec parameters() {
        // its own size floor (8 px, not the synthetic datasets' 16): the split sizes are the shared declaration
        return ParamSpec.of(Param.of("size", 32, "image side in pixels").atLeast(8))
                .and(SplitSizes.parameters(160, 40, 80)).and(
                Param.of("contrast", 0.5, "brightness of the disc over the background"),
                Param.of("noise", 0.3, "standard deviation of the Gaussian pixel noise").nonNegative());
    }

    @Override
    public DatasetInfo info(Params params) {
        return new DatasetInfo(id(), Task.CLASSIFICATION, List.of("clear", "finding"),
                List.of(new Modality("image", Modality.Kind.IMAGE, false)), false);
    }

    @Override
    public Splits splits(Params p, long seed) {
        parameters().check(p);
        int size = p.getInt("size");
        SplittableRandom random = new SplittableRandom(seed);
        return new Splits(
                make("train", p.getInt("n_train"), size, p, random.split()),
                make("val", p.getInt("n_val"), size, p, random.split()),
                make("test", p.getInt("n_test"), size, p, random.split()),
                List.of());
    }

    private static List<Sample> make(String split, int n, int size, Params p, SplittableRandom random) {
        List<Sample> out = new ArrayList<>(n);
        double contrast = p.getDouble("contrast");
        double noise = p.getDouble("noise");
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            int r = Math.max(2, size / 8 + random.nextInt(Math.max(1, size / 10)));
            int cy = r + random.nextInt(size - 2 * r);
            int cx = r + random.nextInt(size - 2 * r);
            float[] px = new float[size * size];
            byte[] roi = new byte[size * size];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inside = label == 1 && (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r;
                    double g = Math.sqrt(-2 * Math.log(Math.max(random.nextDouble(), 1e-300)))
                            * Math.cos(2 * Math.PI * random.nextDouble());
                    px[y * size + x] = (float) (0.3 + (inside ? contrast : 0) + noise * g);
                    roi[y * size + x] = (byte) (inside ? 1 : 0);
                }
            }
            out.add(Sample.of(split + "-" + i, Map.of("image", Image.of2d(px, 1, size, size))).withLabel(label)
                    .withMask(LabelMap.of2d(roi, size, size)));
        }
        return out;
    }
}
