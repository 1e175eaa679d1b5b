package io.kdbench.methods.floor;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.api.Task;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The linear probe for segmentation: a per-voxel multinomial logistic regression on {@link VoxelFeatures},
 * trained on a seeded random subsample of the labelled training voxels (a fixed number per image, without
 * replacement), predicting the most probable label of every voxel of a case.
 */
final class VoxelProbe implements TrainedModel {
    private final List<String> modalities;
    private final boolean threeD;
    private final TribuoLogistic model;

    private VoxelProbe(List<String> modalities, boolean threeD, TribuoLogistic model) {
        this.modalities = modalities;
        this.threeD = threeD;
        this.model = model;
    }

    static VoxelProbe fit(DatasetInfo dataset, List<Sample> train, Params p, long seed) {
        List<String> modalities = LinearProbe.testTimeImages(dataset);
        boolean threeD = dataset.task() == Task.SEGMENTATION_3D;
        int perImage = p.getInt("voxels_per_image");
        SplittableRandom rng = new SplittableRandom(Seeds.stream(LinearProbe.ID + "-voxels", seed));
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (Sample s : train) {
            LabelMap mask = s.mask();
            if (mask == null) {
                continue;
            }
            VoxelFeatures features = new VoxelFeatures(s, modalities, threeD);
            if (mask.size() != features.geometry().voxels()) {
                throw new IllegalArgumentException("case " + s.id() + ": mask " + mask.shapeString()
                        + " does not match its image " + features.geometry());
            }
            int n = mask.size();
            int[] picks = perImage >= n ? IntStream.range(0, n).toArray()
                    : rng.ints(0, n).distinct().limit(perImage).toArray();
            for (int i : picks) {
                x.add(features.of(i));
                y.add(mask.label(i));
            }
        }
        if (x.isEmpty()) {
            throw new IllegalArgumentException("the linear probe needs labelled training masks");
        }
        int[] labels = y.stream().mapToInt(Integer::intValue).toArray();
        return new VoxelProbe(modalities, threeD, TribuoLogistic.fit(x, labels, p, Seeds.stream(LinearProbe.ID, seed)));
    }

    /** Reads only the case's images: the mask takes their geometry and spacing, never a test mask's. */
    @Override
    public List<Prediction> predict(List<Sample> samples) {
        List<Prediction> out = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            VoxelFeatures features = new VoxelFeatures(s, modalities, threeD);
            Image im = features.geometry();
            byte[] labels = new byte[im.voxels()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (byte) model.predictClass(features.of(i));
            }
            out.add(new Prediction(s.id(), null,
                    new LabelMap(labels, im.depth(), im.height(), im.width(), im.spacing()), null));
        }
        return out;
    }

    @Override
    public long parameterCount() {
        return model.parameterCount();
    }
}
