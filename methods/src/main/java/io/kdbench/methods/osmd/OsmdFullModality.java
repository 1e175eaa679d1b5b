package io.kdbench.methods.osmd;

import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.nn.CnnClassifier;
import io.kdbench.methods.train.Optimiser;

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
        CnnClassifier cnn = trainCnn(ctx, List.of(available(ctx.dataset()), privileged(ctx.dataset())),
                Optimiser.from(p), ctx.seed(), "loss");
        return model(cnn::probabilities, p.getInt("batch_size"), cnn.parameterCount(), true);
    }
}
