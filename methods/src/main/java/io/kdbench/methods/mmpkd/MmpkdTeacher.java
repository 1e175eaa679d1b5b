package io.kdbench.methods.mmpkd;

import io.kdbench.api.ParamSpec;
import io.kdbench.methods.train.ProbabilityModel;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Role;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.mmpkd.teachers.PrivilegedTeacher;
import io.kdbench.methods.mmpkd.teachers.Teachers;

/**
 * MMPKD's teacher as a row of its own: it predicts from the privileged report or metadata of the test samples,
 * so it is an upper bound that a deployed image model cannot use (marked as using privileged data at test).
 */
public class MmpkdTeacher implements DistillationMethod {

    @Override
    public String id() {
        return "mmpkd-teacher";
    }

    @Override
    public String summary() {
        return "upper bound: MMPKD's privileged teacher (text n-gram model or random forest), reads privileged data at test";
    }

    @Override
    public String describe() {
        return summary() + ". Paper: " + Mmpkd.PAPER + " (the teacher row of its comparison). Text teacher: linear"
                + " model on word uni/bigrams (assumed; the paper fine-tunes PubMedBERT); tabular teacher: Tribuo"
                + " random forest, probabilities = averaged tree votes. No attention map (it does not see the image).";
    }

    @Override
    public ParamSpec parameters() {
        return Teachers.parameters();
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        return Teachers.supports(dataset, null);
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        PrivilegedTeacher teacher = Teachers.train(ctx);
        ctx.log().put("teacher", teacher.kind());
        return new ProbabilityModel(samples -> ProbabilityModel.doubles(teacher.probabilities(samples, 1.0)),
                teacher.parameterCount(), true);
    }

    @Override
    public Role role() {
        return Role.UPPER_BOUND;
    }
}
