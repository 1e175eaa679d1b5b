package io.kdbench.methods.mmpkd.teachers;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.api.Support;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.methods.train.Targets;
import io.kdbench.methods.train.BatchOrder;
import io.kdbench.methods.train.ProbabilityModel;
import io.kdbench.methods.train.Recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses and trains the privileged teacher of MMPKD: the text teacher where the dataset has privileged text
 * (a report), the random forest where it has privileged tabular data, as the paper pairs them (MIMIC-CXR:
 * text, CBIS-DDSM: metadata). Its parameters are shared by the MMPKD row and the teacher's own row.
 *
 * <p>The student's soft targets come out of fold: the labelled training samples are cut into {@code teacher_folds}
 * folds and each fold's targets come from a teacher trained on the other folds, so no sample is distilled from a
 * teacher that saw its label (a teacher on its own training samples repeats their labels, and the student would
 * learn nothing the labels do not already say).
 */
public final class Teachers {
    private Teachers() {
    }

    /** The teachers' parameters; teacher_* is the text teacher's recipe. */
    public static ParamSpec parameters() {
        return ParamSpec.of(
                Param.of("teacher", "auto", "privileged teacher: text (n-gram linear model), forest (tabular random"
                        + " forest) or auto (text if the dataset has it, else forest)").oneOf("auto", "text", "forest"),
                Param.of("teacher_folds", 5, "folds of the out-of-fold soft targets (assumed)").atLeast(2))
                .and(Recipe.parameters("teacher_", 300, 32, 0.02))
                .and(Param.of("ngram_min_count", 2, "text teacher: keeps word uni/bigrams seen in at least this many"
                        + " training texts").atLeast(1),
                        Param.of("trees", 50, "forest teacher: number of trees").atLeast(1),
                        Param.of("tree_depth", 6, "forest teacher: maximum tree depth").atLeast(1),
                        Param.of("feature_fraction", 0.5, "forest teacher: share of features tried at each split")
                                .in(0, false, 1, true));
    }

    /** The teacher kind for this dataset, or null if it has no privileged text or tabular modality usable. */
    public static String kindFor(DatasetInfo info, String requested) {
        boolean text = has(info, Modality.Kind.TEXT);
        boolean tabular = has(info, Modality.Kind.TABULAR) && info.task() == Task.CLASSIFICATION;
        return switch (requested) {
            case "text" -> text ? "text" : null;
            case "forest" -> tabular ? "forest" : null;
            default -> text ? "text" : tabular ? "forest" : null;
        };
    }

    public static Support supports(DatasetInfo info, Params p) {
        if (!info.task().isClassification()) {
            return Support.no("MMPKD distils a classifier; the dataset's task is " + info.task());
        }
        if (info.imageModalities(false).isEmpty()) {
            return Support.no("needs an image available at test time");
        }
        if (kindFor(info, p == null ? "auto" : p.getString("teacher")) == null) {
            return Support.no("needs a privileged report (text teacher) or privileged tabular data with a single"
                    + " label (forest teacher)");
        }
        return Support.yes();
    }

    /**
     * A teacher trained on all labelled training samples' privileged inputs (the teacher row), with its validation
     * score recorded under "teacher".
     */
    public static PrivilegedTeacher train(TrainContext ctx) {
        PrivilegedTeacher teacher = train(ctx, ctx.splits().labelledTrain(), Seeds.stream("teacher", ctx.seed()),
                ctx.log(), "teacher_loss");
        List<Sample> validation = ctx.validation().samples();
        record(ctx, "teacher", ProbabilityModel.predictions(validation, teacher.probabilities(validation, 1)));
        return teacher;
    }

    /**
     * Soft targets at {@code temperature} for each labelled training sample, in order, each from a teacher that did
     * not see it; the fold teachers' averaged prediction of the validation split is recorded as the teacher's score.
     */
    public static float[][] outOfFold(TrainContext ctx, double temperature) {
        List<Sample> train = ctx.splits().labelledTrain();
        int folds = Math.min(ctx.params().getInt("teacher_folds"), train.size());
        OutOfFold result = outOfFold(train, ctx.validation().samples(), folds, Seeds.stream("teacher-folds", ctx.seed()),
                temperature, (fit, f) -> train(ctx, fit, Seeds.stream("teacher", ctx.seed(), f + 1), ctx.log(),
                        "teacher_loss_fold" + (f + 1)));
        record(ctx, "teacher (" + folds + " out-of-fold)",
                ProbabilityModel.predictions(ctx.validation().samples(), result.validation()));
        return result.soft();
    }

    /** Trains one fold's teacher on the samples it may see. */
    interface FoldTrainer {
        PrivilegedTeacher train(List<Sample> fit, int fold);
    }

    /**
     * @param soft       each training sample's soft targets, from the teacher of its fold (trained without it)
     * @param validation the validation samples' probabilities at temperature 1, averaged over the fold teachers
     */
    record OutOfFold(float[][] soft, double[][] validation) {
    }

    static OutOfFold outOfFold(List<Sample> train, List<Sample> validation, int folds, long seed, double temperature,
                               FoldTrainer trainer) {
        int[] fold = folds(train.size(), folds, seed);
        float[][] soft = new float[train.size()][];
        double[][] validationMean = new double[validation.size()][];
        for (int f = 0; f < folds; f++) {
            List<Sample> fit = new ArrayList<>();
            List<Integer> held = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (fold[i] == f) {
                    held.add(i);
                } else {
                    fit.add(train.get(i));
                }
            }
            PrivilegedTeacher teacher = trainer.train(fit, f);
            float[][] p = teacher.probabilities(held.stream().map(train::get).toList(), temperature);
            for (int j = 0; j < held.size(); j++) {
                soft[held.get(j)] = p[j];
            }
            float[][] v = teacher.probabilities(validation, 1);
            for (int i = 0; i < v.length; i++) {
                if (validationMean[i] == null) {
                    validationMean[i] = new double[v[i].length];
                }
                for (int k = 0; k < v[i].length; k++) {
                    validationMean[i][k] += v[i][k] / folds;
                }
            }
        }
        return new OutOfFold(soft, validationMean);
    }

    /** Fold of each of {@code n} samples: a seeded permutation dealt round-robin, so folds differ by at most one. */
    static int[] folds(int n, int folds, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        BatchOrder.shuffle(order, new SplittableRandom(seed));
        int[] fold = new int[n];
        for (int r = 0; r < n; r++) {
            fold[order[r]] = r % folds;
        }
        return fold;
    }

    private static PrivilegedTeacher train(TrainContext ctx, List<Sample> train, long seed, TrainingLog log,
                                           String curve) {
        Params p = ctx.params();
        DatasetInfo info = ctx.dataset();
        String kind = kindFor(info, p.getString("teacher"));
        if (kind == null) {
            throw new IllegalArgumentException(supports(info, p).reason());
        }
        if (kind.equals("text")) {
            return new NgramTextTeacher(train, Targets.of(train, info), info.task() == Task.MULTILABEL_CLASSIFICATION,
                    p.getInt("ngram_min_count"), Recipe.from(p, "teacher_"), seed, log, curve);
        }
        return new ForestTeacher(train, info.numClasses(), p.getInt("trees"), p.getInt("tree_depth"),
                p.getDouble("feature_fraction"), seed);
    }

    private static void record(TrainContext ctx, String name, List<Prediction> validation) {
        if (!ctx.validation().isEmpty()) {
            ctx.log().teacher(name, ctx.validation().metric(), ctx.validation().score(validation));
        }
    }

    private static boolean has(DatasetInfo info, Modality.Kind kind) {
        return info.modalities().stream().anyMatch(m -> m.privileged() && m.kind() == kind);
    }
}
