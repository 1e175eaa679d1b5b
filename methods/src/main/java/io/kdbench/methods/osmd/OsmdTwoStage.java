package io.kdbench.methods.osmd;

import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.train.Optimiser;

import java.util.List;
import java.util.Map;

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
                + " network, teacher and loss terms as osmd (assumptions there); each stage runs 'epochs' epochs.";
    }

    @Override
    public Map<String, Object> defaults() {
        return distillationDefaults(super.defaults());
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        Distillation s = prepare(ctx);
        Optimiser opt = Optimiser.from(p);
        s.net().train(s.train(), s.oneHot(), s.teacherFeatures(), 0, 1.0, 0, List.of("hal_"), opt, ctx.seed(),
                ctx.log(), "stage1_loss");
        s.net().train(s.train(), s.oneHot(), s.teacherFeatures(), 1.0, 0, p.getDouble("lambda_ct"),
                List.of("rgb_", "phi", "head"), opt, ctx.seed() + 1, ctx.log(), "loss");
        return model(s.net()::probabilities, p.getInt("batch_size"), s.net().parameterCount(), false);
    }
}
