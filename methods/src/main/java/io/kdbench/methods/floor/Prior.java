package io.kdbench.methods.floor;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Role;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.learning.LabelPrior;

import java.util.List;

/**
 * The label prior as a row of its own: every case gets the class (or per-label) frequencies of the labelled
 * training samples, or for segmentation their voxel-wise majority mask. It is the harness's {@link LabelPrior},
 * the same floor the learning verdict compares every row with, so a report can show it next to the methods.
 */
public class Prior implements DistillationMethod {

    @Override
    public String id() {
        return "prior";
    }

    @Override
    public String summary() {
        return "floor: the label prior of the labelled training samples, the same prediction for every case";
    }

    @Override
    public String describe() {
        return summary() + ". Classification: the training class frequencies (multi-label: each label's prevalence),"
                + " and each attribute task's value frequencies where the dataset declares such tasks;"
                + " segmentation: each voxel's most frequent training label, on the case's image geometry (the empty"
                + " mask for a case of another shape). It never looks at the image content; on federated datasets it"
                + " pools the clients' labelled training samples, as the harness's learning check does.";
    }

    @Override
    public Role role() {
        return Role.FLOOR;
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.none();
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        return Support.yes();
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        LabelPrior prior = LabelPrior.fit(ctx.dataset(), ctx.splits().labelledTrain());
        return new TrainedModel() {
            @Override
            public List<Prediction> predict(List<Sample> samples) {
                return prior.predict(samples);
            }

            @Override
            public long parameterCount() {
                return 0;
            }
        };
    }
}
