package io.kdbench.methods.osmd;

import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.train.CnnClassifier;
import io.kdbench.methods.train.Recipe;

import java.util.List;

/** The available-modality-only baseline: the RGB CNN alone, cross-entropy, no privileged data at all. */
public class OsmdRgbOnly extends OsmdRow {

    @Override
    public String id() {
        return "osmd-rgb-only";
    }

    @Override
    public String summary() {
        return "OS-MD baseline: CNN on the available modality (RGB) only, no distillation";
    }

    @Override
    public String describe() {
        return summary() + ". The lower bound of " + PAPER + "; same encoder as osmd's RGB branch.";
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        Recipe recipe = Recipe.from(p);
        CnnClassifier cnn = trainCnn(ctx, List.of(available(ctx.dataset())), recipe, ctx.seed(), "loss", "student");
        return model(cnn::probabilities, recipe.batchSize(), cnn.parameterCount(), false);
    }
}
