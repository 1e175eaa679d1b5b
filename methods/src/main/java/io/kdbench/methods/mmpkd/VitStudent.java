package io.kdbench.methods.mmpkd;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Modality;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.methods.nn.VisionTransformer;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.Recipe;
import io.kdbench.methods.train.Targets;
import io.kdbench.methods.train.VitClassifier;

import java.util.ArrayList;
import java.util.List;

/**
 * The student without distillation: a small ViT trained with cross-entropy on the available image alone.
 * The control row of every image-classification method, and the spine's end-to-end method.
 */
public class VitStudent implements DistillationMethod {

    @Override
    public String id() {
        return "vit-student";
    }

    @Override
    public String summary() {
        return "baseline: image-only ViT student trained with cross-entropy, no distillation";
    }

    @Override
    public String describe() {
        return summary() + ". Architecture: patch embedding, CLS token, pre-norm blocks, hand-written multi-head"
                + " attention (maps readable per block), attention rollout (Abnar & Zuidema 2020) or last-block CLS"
                + " attention as the localization map. Not from a paper: the common student of MMPKD-style KD.";
    }

    @Override
    public ParamSpec parameters() {
        return studentParameters();
    }

    /** The recipe and the ViT's parameters (shared with MMPKD, which trains the same student). */
    public static ParamSpec studentParameters() {
        return Recipe.parameters(600, 32, 0.001).and(
                Param.of("stem", "conv", "how patches become tokens: conv (stride-2 3x3 convolutions) or patch"
                        + " (linear embedding)").oneOf("conv", "patch"),
                Param.of("patch", 4, "patch side in pixels (conv stem: its total stride, a power of 2)").atLeast(1),
                Param.of("width", 32, "embedding width (assumed: a small ViT, not ViT-Tiny)").atLeast(1),
                Param.of("depth", 2, "transformer blocks").atLeast(1),
                Param.of("heads", 4, "attention heads per block (width divisible by heads)").atLeast(1),
                Param.of("mlp_ratio", 2, "MLP hidden width as a multiple of width").atLeast(1),
                Param.of("attention", "rollout", "localization map: attention rollout or the last block's CLS"
                        + " attention").oneOf("rollout", "last_cls"));
    }

    @Override
    public void validate(Params p) {
        checkArchitecture(p);
    }

    /** The rules across the ViT's parameters (width divisible by heads, a conv stem's patch a power of 2). */
    public static void checkArchitecture(Params p) {
        config(p);
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        if (dataset.task().isSegmentation()) {
            return Support.no("a classifier; the dataset's task is " + dataset.task());
        }
        if (dataset.imageModalities(false).isEmpty()) {
            return Support.no("needs an image available at test time; the dataset has none");
        }
        return Support.yes();
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        return trainStudent(ctx, null, 0, 1);
    }

    /**
     * Trains the image-only ViT on the labelled training samples, distilling from {@code soft} (teacher
     * probabilities per sample, softened at {@code temperature}) with weight {@code alpha}, and keeps the weights
     * with the best validation score.
     */
    public static VitModel trainStudent(TrainContext ctx, float[][] soft, double alpha, double temperature) {
        Params p = ctx.params();
        List<Sample> train = ctx.splits().labelledTrain();
        String modality = studentModality(ctx.dataset());
        List<Image> images = train.stream().map(s -> s.image(modality)).toList();
        VitClassifier vit = newStudent(p, ctx.dataset(), images.get(0), ctx.seed());
        VitModel model = new VitModel(vit, modality, p);
        Recipe recipe = Recipe.from(p);
        ModelSelection selection = ModelSelection.ofGraph("student", ctx.validation(),
                () -> model.predict(ctx.validation().samples()), vit.graph(), vit.variables(), recipe.validateEvery());
        vit.train(images, Targets.of(train, ctx.dataset()), soft, alpha, temperature, recipe, ctx.seed(), ctx.log(),
                selection);
        return model;
    }

    /** The first image modality available at test time: what the student sees. */
    public static String studentModality(DatasetInfo info) {
        List<Modality> images = info.imageModalities(false);
        return images.get(0).name();
    }

    static VisionTransformer.Config config(Params p) {
        VisionTransformer.Stem stem = switch (p.getString("stem")) {
            case "conv" -> VisionTransformer.Stem.CONV;
            case "patch" -> VisionTransformer.Stem.PATCH;
            default -> throw new IllegalArgumentException("stem must be conv or patch, got '" + p.getString("stem") + "'");
        };
        return new VisionTransformer.Config(p.getInt("patch"), p.getInt("width"), p.getInt("depth"), p.getInt("heads"),
                p.getInt("mlp_ratio"), stem);
    }

    static VitClassifier.AttentionReadout readout(String attention) {
        return switch (attention) {
            case "rollout" -> VitClassifier.AttentionReadout.ROLLOUT;
            case "last_cls" -> VitClassifier.AttentionReadout.LAST_CLS;
            default -> throw new IllegalArgumentException("attention must be rollout or last_cls, got '" + attention + "'");
        };
    }

    public static VitClassifier newStudent(Params p, DatasetInfo info, Image example, long seed) {
        VisionTransformer.Config config = config(p);
        boolean multiLabel = info.task() == io.kdbench.api.Task.MULTILABEL_CLASSIFICATION;
        return new VitClassifier(config, example.channels(), example.height(), example.width(), info.numClasses(),
                multiLabel, seed);
    }

    /** A trained ViT behind the harness's model interface. */
    public static final class VitModel implements TrainedModel {
        private final VitClassifier vit;
        private final String modality;
        private final int batchSize;
        private final VitClassifier.AttentionReadout readout;

        public VitModel(VitClassifier vit, String modality, Params p) {
            this.vit = vit;
            this.modality = modality;
            this.batchSize = p.getInt("batch_size");
            this.readout = readout(p.getString("attention"));
        }

        @Override
        public List<Prediction> predict(List<Sample> samples) {
            VitClassifier.Output out = vit.predict(samples.stream().map(s -> s.image(modality)).toList(), batchSize, readout);
            List<Prediction> predictions = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                predictions.add(new Prediction(samples.get(i).id(), out.probabilities()[i], null, out.attention().get(i)));
            }
            return predictions;
        }

        @Override
        public long parameterCount() {
            return vit.parameterCount();
        }
    }
}
