package io.kdbench.methods.osmd;

import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.train.Recipe;

import java.util.List;

/** OS-MD, one stage: hallucination, cross translation and fusion trained together on one multi-task loss. */
public class Osmd extends OsmdRow {

    @Override
    public String id() {
        return "osmd";
    }

    @Override
    public String summary() {
        return "OS-MD: one-stage modality distillation (hallucinated privileged features + cross translation + fusion)";
    }

    @Override
    public String describe() {
        return "Paper: " + PAPER + ". Follows the paper (abstract): one stage, privileged knowledge transfer and fusion"
                + " in a single multi-task optimisation; a joint adaptation term aligns the hallucinated features with"
                + " the privileged ones (marginal and class-conditional); a cross translation network with one"
                + " parameter-shared translation for both directions fuses restored and available features; the"
                + " privileged modality (depth) is absent at test. Assumed (body not available): small CNN encoders"
                + " instead of ResNet-18; the privileged teacher is a depth CNN trained first and frozen; joint"
                + " adaptation = linear-kernel MMD + class-conditional MMD + beta T^2 KL through the frozen teacher head;"
                + " translation phi = ReLU(dense); fusion [f_R + phi(h), h + phi(f_R)]; loss task + 1.0 JA + 0.1 CT,"
                + " T = 4; CNN stages conv-GroupNorm-ReLU-pool; AdamW with warm-up and cosine decay for the same number"
                + " of steps as its baselines, checkpoint chosen on the validation split; classification only (the"
                + " synthetic flat/dome/bowl task of rgbd-incomplete).";
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
        s.net().train(s.train(), s.oneHot(), s.teacherFeatures(), 1.0, p.getDouble("lambda_ja"), p.getDouble("lambda_ct"),
                List.of(), recipe, Seeds.stream("batches", ctx.seed()), ctx.log(), "loss", s.selection(ctx, recipe));
        return model(s.net()::probabilities, recipe.batchSize(), s.net().parameterCount(), false);
    }
}
