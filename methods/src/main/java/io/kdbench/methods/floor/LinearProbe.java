package io.kdbench.methods.floor;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Modality;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Role;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Sample;

import java.util.List;

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
    public ParamSpec parameters() {
        return ParamSpec.of(
                Param.of("grid", 8, "classification: side of the thumbnail each channel is area-averaged to").atLeast(1),
                Param.of("epochs", 10, "passes of the SGD trainer over the training features (assumed)").atLeast(1),
                Param.of("learning_rate", 0.1, "AdaGrad's initial learning rate").positive(),
                Param.of("batch_size", 16, "SGD minibatch size").atLeast(1),
                Param.of("voxels_per_image", 400, "segmentation: random training voxels per labelled image")
                        .atLeast(1));
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
}
