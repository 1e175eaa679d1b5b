package io.kdbench.methods.osmd;

import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.train.Recipe;

import java.util.List;

/**
 * The two-stage baseline OS-MD replaces: stage 1 trains the hallucination encoder alone to mimic the teacher's
 * privileged features (joint adaptation loss), then freezes it; stage 2 trains the RGB encoder, the translation and
 * the head (task + cross translation). Same network and losses as {@code osmd}, split in time.
 */
public class OsmdTwoStage extends OsmdRow {

    @Override
    public String id() {
        return "osmd-two-stage";
    }

    @Override
    public String summary() {
        return "OS-MD baseline: two-stage modality distillation (hallucination first and frozen, then fusion)";
    }

    @Override
    public String describe() {
        return summary() + ". The conventional pipeline named in " + PAPER + " as what one-stage replaces. Same"
                + " network, teacher and loss terms as osmd (assumptions there); the stages share osmd's step budget, half each"
                + " (stage 1: the hallucination encoder on lambda_ja x joint adaptation; stage 2: the rest on task +"
                + " lambda_ct x cross translation, its checkpoint chosen on the validation split).";
    }

    @Override
    public ParamSpec parameters() {
        return super.parameters().and(distillationParameters());
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        Distillation s = prepare(ctx);
        Recipe recipe = Recipe.from(p);
        // the same budget as the one-stage row, split between the stages
        Recipe first = recipe.withSteps(Math.max(1, recipe.steps() / 2));
        Recipe second = recipe.withSteps(Math.max(1, recipe.steps() - first.steps()));
        s.net().train(s.train(), s.oneHot(), s.teacherFeatures(), 0, p.getDouble("lambda_ja"), 0, List.of("hal_"),
                first, Seeds.stream("batches", ctx.seed(), 1), ctx.log(), "stage1_loss", null);
        s.net().train(s.train(), s.oneHot(), s.teacherFeatures(), 1.0, 0, p.getDouble("lambda_ct"),
                List.of("rgb_", "phi", "head"), second, Seeds.stream("batches", ctx.seed(), 2), ctx.log(), "loss",
                s.selection(ctx, second));
        return model(s.net()::probabilities, recipe.batchSize(), s.net().parameterCount(), false);
    }
}
