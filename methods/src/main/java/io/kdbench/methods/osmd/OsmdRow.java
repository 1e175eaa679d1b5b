package io.kdbench.methods.osmd;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.api.Support;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Sample;
import io.kdbench.methods.train.Targets;
import io.kdbench.methods.nn.CnnEncoder;
import io.kdbench.methods.train.CnnClassifier;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.ProbabilityModel;
import io.kdbench.methods.train.Recipe;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** What the four OS-MD rows share: parameters, dataset support, the privileged teacher, the deployed-model wrapper. */
abstract class OsmdRow implements DistillationMethod {
    static final String PAPER = "\"One-stage Modality Distillation for Incomplete Multimodal Learning\" (Wei, Luo,"
            + " Luo), arXiv 2309.08204";

    @Override
    public ParamSpec parameters() {
        return Recipe.parameters(400, 32, 0.003).and(
                Param.of("widths", List.of(8, 16, 32), "channels of each CNN stage (assumed; the paper uses"
                        + " ResNet-18)").described(">= 1 stage, each >= 1"),
                Param.of("pooling", "average", "feature vector of the last stage: global average or a learned dense"
                        + " layer over positions (assumed)").oneOf("average", "learned"));
    }

    /** The distilling rows' extra parameters: the depth teacher's recipe and the loss weights. */
    static ParamSpec distillationParameters() {
        return Recipe.parameters("teacher_", 400, 32, 0.003).and(
                Param.of("lambda_ja", 1.0, "weight of the joint adaptation term (assumed)").nonNegative(),
                Param.of("lambda_ct", 0.1, "weight of the cross translation term (assumed)").nonNegative(),
                Param.of("beta_kd", 1.0, "weight of the KD term through the frozen teacher head, within joint"
                        + " adaptation (assumed)").nonNegative(),
                Param.of("temperature", 4.0, "temperature T of that KD term (assumed)").positive());
    }

    @Override
    public void validate(Params p) {
        List<Object> widths = p.getList("widths");
        if (widths.isEmpty() || widths.stream().anyMatch(w -> !(w instanceof Integer i) || i < 1)) {
            throw new IllegalArgumentException("widths must be at least one positive integer, got " + widths);
        }
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        if (dataset.task() != Task.CLASSIFICATION) {
            return Support.no("the classification form of OS-MD only (set the dataset's task to classification); the"
                    + " segmentation variant is not implemented; got " + dataset.task());
        }
        if (dataset.imageModalities(false).isEmpty() || dataset.imageModalities(true).isEmpty()
                && dataset.imageModalities(false).size() < 2) {
            return Support.no("needs an image available at test and a second image modality (e.g. depth) that is"
                    + " privileged or missing on some test cases");
        }
        return Support.yes();
    }

    static CnnEncoder.Pooling pooling(Params p) {
        return switch (p.getString("pooling")) {
            case "average" -> CnnEncoder.Pooling.AVERAGE;
            case "learned" -> CnnEncoder.Pooling.LEARNED;
            default -> throw new IllegalArgumentException("pooling must be average or learned, got '"
                    + p.getString("pooling") + "'");
        };
    }

    static int[] widths(Params p) {
        return p.getList("widths").stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    static String available(DatasetInfo info) {
        return info.imageModalities(false).get(0).name();
    }

    /**
     * The modality missing at test: the privileged image, or (rgbd-incomplete with missing_rate below 1) the second
     * available image, which some test cases lack.
     */
    static String privileged(DatasetInfo info) {
        List<io.kdbench.api.Modality> privileged = info.imageModalities(true);
        return privileged.isEmpty() ? info.imageModalities(false).get(1).name() : privileged.get(0).name();
    }

    /**
     * A CNN classifier over the given modalities, trained with cross-entropy on the labelled training samples; its
     * checkpoint is chosen on the validation split and recorded under {@code name}.
     */
    static CnnClassifier trainCnn(TrainContext ctx, List<String> modalities, Recipe recipe, long seed, String curve,
                                  String name) {
        return trainCnn(ctx, modalities, recipe, seed, curve, name, UnaryOperator.identity());
    }

    /** As above; {@code validationInputs} gives the validation cases as the model is to see them. */
    static CnnClassifier trainCnn(TrainContext ctx, List<String> modalities, Recipe recipe, long seed, String curve,
                                  String name, UnaryOperator<List<Sample>> validationInputs) {
        List<Sample> train = ctx.splits().labelledTrain();
        Sample first = train.get(0);
        int[] channels = modalities.stream().mapToInt(m -> first.image(m).channels()).toArray();
        CnnClassifier cnn = new CnnClassifier(modalities, channels, side(first, modalities.get(0)),
                ctx.dataset().numClasses(), widths(ctx.params()), pooling(ctx.params()), seed);
        ModelSelection selection = selection(ctx, name,
                samples -> cnn.probabilities(validationInputs.apply(samples), recipe.batchSize()),
                cnn.graph(), cnn.variables(), recipe);
        cnn.train(train, Targets.of(train, ctx.dataset()), recipe, seed, ctx.log(), curve, selection);
        return cnn;
    }

    /** Model selection of a classifier given by its probability function over one graph's variables. */
    static ModelSelection selection(TrainContext ctx, String name, Function<List<Sample>, double[][]> probabilities,
                                    org.nd4j.autodiff.samediff.SameDiff graph, List<String> variables, Recipe recipe) {
        List<Sample> validation = ctx.validation().samples();
        return ModelSelection.ofGraph(name, ctx.validation(),
                () -> ProbabilityModel.predictions(validation, probabilities.apply(validation)), graph, variables,
                recipe.validateEvery());
    }

    static int side(Sample s, String modality) {
        var img = s.image(modality);
        if (img.height() != img.width()) {
            throw new IllegalArgumentException("square images expected, got " + img);
        }
        return img.height();
    }

    /**
     * The frozen privileged teacher: a CNN on the privileged modality, trained first, with its own seed stream;
     * its validation score (from the privileged validation images) is recorded.
     */
    static CnnClassifier trainTeacher(TrainContext ctx) {
        Recipe recipe = Recipe.from(ctx.params(), "teacher_");
        CnnClassifier teacher = trainCnn(ctx, List.of(privileged(ctx.dataset())), recipe,
                Seeds.stream("teacher", ctx.seed()), "teacher_loss", "teacher");
        List<Sample> validation = ctx.validation().samples();
        if (!validation.isEmpty()) {
            ctx.log().teacher("depth teacher", ctx.validation().metric(), ctx.validation().score(
                    ProbabilityModel.predictions(validation, teacher.probabilities(validation, recipe.batchSize()))));
        }
        return teacher;
    }

    /** Trains the teacher, reads its features d on the training samples and builds the student around its head. */
    static Distillation prepare(TrainContext ctx) {
        Params p = ctx.params();
        List<Sample> train = ctx.splits().labelledTrain();
        CnnClassifier teacher = trainTeacher(ctx);
        double[][] d = teacher.features(train, Recipe.from(p).batchSize());
        float[][] features = new float[d.length][];
        for (int i = 0; i < d.length; i++) {
            features[i] = new float[d[i].length];
            for (int j = 0; j < d[i].length; j++) {
                features[i][j] = (float) d[i][j];
            }
        }
        String rgb = available(ctx.dataset());
        OsmdNetwork net = new OsmdNetwork(rgb, train.get(0).image(rgb).channels(), side(train.get(0), rgb),
                ctx.dataset().numClasses(), widths(p), pooling(p), teacher.headWeight(), teacher.headBias(),
                p.getDouble("beta_kd"), p.getDouble("temperature"), ctx.seed());
        ctx.log().put("teacher_parameters", teacher.parameterCount());
        return new Distillation(net, train, Targets.of(train, ctx.dataset()), features);
    }

    /** The student network with its training data: labelled samples, one-hot targets, teacher features d. */
    record Distillation(OsmdNetwork net, List<Sample> train, float[][] oneHot, float[][] teacherFeatures) {
        /** Selection of the student network's checkpoint on the validation split. */
        ModelSelection selection(TrainContext ctx, Recipe recipe) {
            return OsmdRow.selection(ctx, "student", samples -> net.probabilities(samples, recipe.batchSize()),
                    net.graph(), net.variables(), recipe);
        }
    }

    /** A deployed model from a probability function over batches; {@code privilegedAtTest} marks upper bounds. */
    static TrainedModel model(BiFunction<List<Sample>, Integer, double[][]> probabilities, int batchSize,
                              long parameters, boolean privilegedAtTest) {
        return new ProbabilityModel(samples -> probabilities.apply(samples, batchSize), parameters, privilegedAtTest);
    }
}
