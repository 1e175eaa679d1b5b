package io.kdbench.methods.osmd;

import io.kdbench.methods.train.ProbabilityModel;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Sample;
import io.kdbench.methods.nn.CnnClassifier;
import io.kdbench.methods.train.Optimiser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** What the four OS-MD rows share: parameters, dataset support, the privileged teacher, the deployed-model wrapper. */
abstract class OsmdRow implements DistillationMethod {
    static final String PAPER = "\"One-stage Modality Distillation for Incomplete Multimodal Learning\" (Wei, Luo,"
            + " Luo), arXiv 2309.08204";

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("epochs", 8);
        d.put("batch_size", 50); // per-step graph overhead dominates: few, larger batches
        d.put("lr", 0.01);
        d.put("weight_decay", 0.0);
        d.put("widths", List.of(8, 16, 32));
        return d;
    }

    /** The distilling rows' extra parameters. */
    static Map<String, Object> distillationDefaults(Map<String, Object> d) {
        d.put("teacher_epochs", 8);
        d.put("lambda_ja", 1.0);
        d.put("lambda_ct", 0.1);
        d.put("beta_kd", 1.0);
        d.put("temperature", 4.0);
        return d;
    }

    @Override
    public void validate(Params p) {
        for (Object w : p.getList("widths")) {
            if (!(w instanceof Integer i) || i < 1) {
                throw new IllegalArgumentException("widths must be positive integers, got " + p.getList("widths"));
            }
        }
        if (p.getList("widths").isEmpty()) {
            throw new IllegalArgumentException("widths needs at least one stage");
        }
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        if (dataset.task() != Task.CLASSIFICATION) {
            return Support.no("the classification form of OS-MD only (set the dataset's task to classification); the"
                    + " segmentation variant is not implemented; got " + dataset.task());
        }
        if (dataset.imageModalities(false).isEmpty() || dataset.imageModalities(true).isEmpty()) {
            return Support.no("needs an image available at test and a privileged image modality (e.g. depth)");
        }
        return Support.yes();
    }

    static int[] widths(Params p) {
        return p.getList("widths").stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    static String available(DatasetInfo info) {
        return info.imageModalities(false).get(0).name();
    }

    static String privileged(DatasetInfo info) {
        return info.imageModalities(true).get(0).name();
    }

    /** A CNN classifier over the given modalities, trained with cross-entropy on the labelled training samples. */
    static CnnClassifier trainCnn(TrainContext ctx, List<String> modalities, Optimiser opt, long seed, String curve) {
        List<Sample> train = ctx.splits().labelledTrain();
        Sample first = train.get(0);
        int[] channels = modalities.stream().mapToInt(m -> first.image(m).channels()).toArray();
        CnnClassifier cnn = new CnnClassifier(modalities, channels, side(first, modalities.get(0)),
                ctx.dataset().numClasses(), widths(ctx.params()), seed);
        cnn.train(train, io.kdbench.methods.baseline.Targets.of(train, ctx.dataset()), opt, seed, ctx.log(), curve);
        return cnn;
    }

    static int side(Sample s, String modality) {
        var img = s.image(modality);
        if (img.height() != img.width()) {
            throw new IllegalArgumentException("square images expected, got " + img);
        }
        return img.height();
    }

    /** The frozen privileged teacher: a CNN on the privileged modality, trained first, with its own seed stream. */
    static CnnClassifier trainTeacher(TrainContext ctx) {
        Params p = ctx.params();
        Optimiser opt = new Optimiser(p.getInt("teacher_epochs"), p.getInt("batch_size"), p.getDouble("lr"),
                p.getDouble("weight_decay"));
        return trainCnn(ctx, List.of(privileged(ctx.dataset())), opt, ctx.seed() * 31 + 7, "teacher_loss");
    }

    /** Trains the teacher, reads its features d on the training samples and builds the student around its head. */
    static Distillation prepare(TrainContext ctx) {
        Params p = ctx.params();
        List<Sample> train = ctx.splits().labelledTrain();
        CnnClassifier teacher = trainTeacher(ctx);
        double[][] d = teacher.features(train, 64);
        float[][] features = new float[d.length][];
        for (int i = 0; i < d.length; i++) {
            features[i] = new float[d[i].length];
            for (int j = 0; j < d[i].length; j++) {
                features[i][j] = (float) d[i][j];
            }
        }
        String rgb = available(ctx.dataset());
        OsmdNetwork net = new OsmdNetwork(rgb, train.get(0).image(rgb).channels(), side(train.get(0), rgb),
                ctx.dataset().numClasses(), widths(p), teacher.headWeight(), teacher.headBias(),
                p.getDouble("beta_kd"), p.getDouble("temperature"), ctx.seed());
        ctx.log().put("teacher_parameters", teacher.parameterCount());
        return new Distillation(net, train, io.kdbench.methods.baseline.Targets.of(train, ctx.dataset()), features);
    }

    /** The student network with its training data: labelled samples, one-hot targets, teacher features d. */
    record Distillation(OsmdNetwork net, List<Sample> train, float[][] oneHot, float[][] teacherFeatures) {
    }

    /** A deployed model from a probability function; {@code privilegedAtTest} marks upper bounds. */
    static TrainedModel model(BiFunction<List<Sample>, Integer, double[][]> probabilities, int batchSize,
                              long parameters, boolean privilegedAtTest) {
        return new ProbabilityModel(probabilities, batchSize, parameters, privilegedAtTest);
    }
}
