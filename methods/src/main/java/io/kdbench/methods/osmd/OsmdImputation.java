package io.kdbench.methods.osmd;

import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.methods.train.CnnClassifier;
import io.kdbench.methods.train.Recipe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The imputation baseline: the RGB + depth CNN of osmd-full-modality trained with depth; a test case without depth
 * gets the training set's mean depth image in its place (mean imputation, the standard simple imputation).
 */
public class OsmdImputation extends OsmdRow {

    @Override
    public String id() {
        return "osmd-imputation";
    }

    @Override
    public String summary() {
        return "OS-MD baseline: RGB + depth CNN trained with depth; missing test depth imputed by the training mean"
                + " depth image";
    }

    @Override
    public String describe() {
        return summary() + ". The imputation baseline that " + PAPER + " compares against (its abstract names"
                + " imputation among the ways to handle a missing modality). Assumed: mean imputation, the standard"
                + " simple form (the paper's imputer is not known here): the pixel-wise mean of the training depth"
                + " images replaces the depth of every test case that lacks it (all of them at missing_rate 1, the"
                + " default); the same encoders, fusion and recipe as osmd-full-modality. Reads no privileged input at"
                + " test: where depth is privileged the harness hides it and the mean is used throughout.";
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        Recipe recipe = Recipe.from(p);
        String rgb = available(ctx.dataset());
        String depth = privileged(ctx.dataset());
        Image mean = meanImage(ctx.splits().labelledTrain(), depth);
        // where depth is privileged, validation depth must not be read either: the model is selected as it is tested
        boolean privileged = !ctx.dataset().imageModalities(true).isEmpty();
        CnnClassifier cnn = trainCnn(ctx, List.of(rgb, depth), recipe, ctx.seed(), "loss", "student",
                samples -> imputed(samples, depth, mean, privileged));
        return model((samples, batch) -> cnn.probabilities(imputed(samples, depth, mean, false), batch),
                recipe.batchSize(), cnn.parameterCount(), false);
    }

    /**
     * The samples with {@code mean} as the {@code modality} of those that lack it (of all of them if {@code all}); the
     * others unchanged.
     */
    static List<Sample> imputed(List<Sample> samples, String modality, Image mean, boolean all) {
        return samples.stream().map(s -> {
            if (!all && s.images().containsKey(modality)) {
                return s;
            }
            Map<String, Image> images = new HashMap<>(s.images());
            images.put(modality, mean);
            return s.withImages(images);
        }).toList();
    }

    /** The pixel-wise mean of the training samples' {@code modality} images. */
    static Image meanImage(List<Sample> train, String modality) {
        Image first = train.get(0).image(modality);
        float[] sum = new float[first.data().length];
        for (Sample s : train) {
            float[] v = s.image(modality).data();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= train.size();
        }
        return Image.of2d(sum, first.channels(), first.height(), first.width());
    }
}
