package io.kdbench.methods.osmd;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Params;
import io.kdbench.api.Role;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.train.CnnClassifier;
import io.kdbench.methods.train.Recipe;

import java.util.List;

/** The full-modality upper bound: RGB and depth encoders, fused features, depth read at test (marked). */
public class OsmdFullModality extends OsmdRow {

    @Override
    public String id() {
        return "osmd-full-modality";
    }

    @Override
    public String summary() {
        return "upper bound for OS-MD: RGB + depth CNN (feature fusion), reads the privileged depth at test";
    }

    @Override
    public String describe() {
        return summary() + ". The complete-modality reference of " + PAPER + "; same encoders as osmd.";
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        Recipe recipe = Recipe.from(p);
        CnnClassifier cnn = trainCnn(ctx, List.of(available(ctx.dataset()), privileged(ctx.dataset())), recipe,
                ctx.seed(), "loss", "student");
        return model(cnn::probabilities, recipe.batchSize(), cnn.parameterCount(), true);
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        Support base = super.supports(dataset);
        if (base.ok() && dataset.imageModalities(true).isEmpty()) {
            return Support.no("reads depth on every test case, and some test cases lack it here (missing_rate < 1);"
                    + " osmd-imputation is the row for that setting");
        }
        return base;
    }

    @Override
    public Role role() {
        return Role.UPPER_BOUND;
    }
}
