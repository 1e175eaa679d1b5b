package io.kdbench.methods.osmd;

import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.train.Optimiser;

import java.util.List;
import java.util.Map;

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
                + " T = 4; classification only (the synthetic flat/dome/bowl task of rgbd-incomplete).";
    }

    @Override
    public Map<String, Object> defaults() {
        return distillationDefaults(super.defaults());
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        Distillation s = prepare(ctx);
        s.net().train(s.train(), s.oneHot(), s.teacherFeatures(), 1.0, p.getDouble("lambda_ja"), p.getDouble("lambda_ct"),
                List.of(), Optimiser.from(p), ctx.seed(), ctx.log(), "loss");
        return model(s.net()::probabilities, p.getInt("batch_size"), s.net().parameterCount(), false);
    }
}
