package io.kdbench.methods.floor;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Modality;
import io.kdbench.api.Params;
import io.kdbench.api.Role;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The linear probe floor: logistic regression (Tribuo's linear SGD trainer) on features any model gets for free,
 * downsampled pixels for classification ({@link ImageProbe}) and a voxel's local intensities and position for
 * segmentation ({@link VoxelProbe}). A method that does not beat it has learned little beyond a linear read-out.
 */
public class LinearProbe implements DistillationMethod {
    static final String ID = "linear-probe";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String summary() {
        return "floor: logistic regression (Tribuo) on downsampled pixels, or per voxel on local intensities";
    }

    @Override
    public String describe() {
        return summary() + ". A floor row, not a method from a paper: Tribuo's LinearSGDTrainer (log-loss, AdaGrad,"
                + " seeded shuffled minibatches). Classification: every test-time image (never a privileged one)"
                + " area-averaged to grid x grid per channel, concatenated, standardised with the training mean and"
                + " sd; one multinomial model, or one binary model per label for multi-label. Segmentation: per voxel,"
                + " the 3x3 (2-D) or 3x3x3 (3-D) edge-clamped neighbourhood of the case-standardised image plus the"
                + " normalised coordinates, trained on voxels_per_image random voxels of each labelled training image;"
                + " predicts the arg-max label. Assumed: no regularisation (the trainer has none) and a fixed number"
                + " of epochs, no model selection on the validation split; only labelled training samples are used,"
                + " pooled across clients on federated datasets.";
    }

    @Override
    public Role role() {
        return Role.FLOOR;
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("grid", 8);                // classification: thumbnail side per channel
        d.put("epochs", 10);
        d.put("learning_rate", 0.1);     // AdaGrad's initial rate
        d.put("batch_size", 16);
        d.put("voxels_per_image", 400);  // segmentation: training voxels sampled per labelled image
        return d;
    }

    @Override
    public void validate(Params p) {
        atLeastOne(p, "grid");
        atLeastOne(p, "epochs");
        atLeastOne(p, "batch_size");
        atLeastOne(p, "voxels_per_image");
        double lr = p.getDouble("learning_rate");
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning_rate must be > 0 and finite, got " + lr);
        }
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        return testTimeImages(dataset).isEmpty() ? Support.no("the dataset has no test-time image") : Support.yes();
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        List<Sample> train = ctx.splits().labelledTrain();
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the linear probe needs labelled training samples");
        }
        return ctx.dataset().task().isSegmentation()
                ? VoxelProbe.fit(ctx.dataset(), train, ctx.params(), ctx.seed())
                : ImageProbe.fit(ctx.dataset(), train, ctx.params(), ctx.seed());
    }

    /** The names of the image modalities present at test time. */
    static List<String> testTimeImages(DatasetInfo dataset) {
        return dataset.imageModalities(false).stream().map(Modality::name).toList();
    }

    private static void atLeastOne(Params p, String key) {
        int v = p.getInt(key);
        if (v < 1) {
            throw new IllegalArgumentException(key + " must be >= 1, got " + v);
        }
    }
}
