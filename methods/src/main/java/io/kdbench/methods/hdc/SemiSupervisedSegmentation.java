package io.kdbench.methods.hdc;

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
import io.kdbench.methods.augment.Augmenter;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.Rampup;
import io.kdbench.methods.train.Recipe;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.SegmentationModel;
import io.kdbench.methods.train.StudentGraph;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the semi-supervised segmentation rows (supervised-only, mean teacher, HDC) share, so they differ only in
 * their loss: the same U-Net student, data, augmentation, recipe and budget of steps. Each step takes
 * {@code batch_size} training images (the unlabelled stream; labelled images are in it too, as in mean teacher
 * code) and {@code labelled_batch_size} labelled images from a seeded cycle. The student's checkpoint is chosen on
 * the validation Dice, scored on a separate inference copy of the student (SameDiff's output() on the training
 * graph, which holds the gradient function, is many times slower).
 */
public abstract class SemiSupervisedSegmentation implements DistillationMethod {

    /** The image modality a segmentation student reads. */
    public static final String MODALITY = "image";

    @Override
    public ParamSpec parameters() {
        return Recipe.parameters(300, 8, 0.002).and(StudentGraph.parameters(4));
    }

    /** The rows with a teacher run single-site: federated datasets have their own rows. */
    @Override
    public Support supports(DatasetInfo dataset) {
        if (dataset.federated()) {
            return Support.no("a semi-supervised single-site method; federated datasets have their own rows");
        }
        return segmentationSupport(dataset);
    }

    /** The EMA teacher's parameters, alike in every row that has one. */
    protected static ParamSpec teacherParameters() {
        return ParamSpec.of(
                Param.of("ema_decay", 0.99, "teacher = decay x teacher + (1 - decay) x student per step (mean"
                        + " teacher's value)").fraction(),
                Param.of("rampup", 0.4, "fraction of steps of the sigmoid ramp-up of the unsupervised weights"
                        + " (assumed)").fraction());
    }

    static Support segmentationSupport(DatasetInfo dataset) {
        if (!dataset.task().isSegmentation()) {
            return Support.no("a segmentation network; the dataset's task is " + dataset.task());
        }
        if (dataset.imageModalities(false).stream().noneMatch(m -> m.name().equals(MODALITY))) {
            return Support.no("needs a test-time modality named '" + MODALITY + "'");
        }
        return Support.yes();
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        boolean threeD = ctx.dataset().task() == Task.SEGMENTATION_3D;
        // Dice over the foreground classes only where the dataset's foreground is rare (manifest volumes)
        SegmentationData data = new SegmentationData(ctx.splits().train(), MODALITY, ctx.dataset().numClasses(), threeD,
                !ctx.dataset().rareForeground());
        if (data.labelledSize() == 0) {
            throw new IllegalArgumentException("no labelled training samples");
        }
        StudentGraph graph = new StudentGraph(StudentGraph.config(p, data), ctx.seed());
        Recipe recipe = Recipe.from(p);
        Step step = build(graph, data, p);
        StudentGraph inference = graph.teacherCopy();
        SegmentationModel deployed = inference.model(MODALITY, recipe.batchSize());
        ModelSelection selection = graph.selection("student", ctx.validation(), inference, deployed,
                recipe.validateEvery());
        Fitter fitter = new Fitter(graph.sd(), "loss", recipe, step.trainable());
        SplittableRandom rng = new SplittableRandom(Seeds.stream("augment", ctx.seed()));
        double rampLength = p.asMap().containsKey("rampup") ? p.getDouble("rampup") * recipe.steps() : 0;
        int[] iteration = {0};
        fitter.fit(data.size(), idx -> step.batch(idx, rng, Rampup.sigmoid(iteration[0]++, rampLength)),
                Seeds.stream("batches", ctx.seed()), ctx.log(), "loss", step.afterStep(), selection);
        step.report(ctx, recipe.batchSize());
        inference.loadFrom(graph);
        return deployed;
    }

    /** Records the validation Dice of a teacher graph (an EMA teacher) under {@code name}. */
    protected static void reportTeacher(TrainContext ctx, String name, StudentGraph teacher, int batchSize) {
        if (!ctx.validation().isEmpty()) {
            ctx.log().teacher(name, ctx.validation().metric(),
                    ctx.validation().score(teacher.model(MODALITY, batchSize).predict(ctx.validation().samples())));
        }
    }

    /** Augmentation shared by the rows. */
    protected static Augmenter augmenter() {
        return Augmenter.standard();
    }

    /** A method's loss in the graph and how it fills one step. */
    public interface Step {
        List<String> trainable();

        /**
         * Placeholder values for one step.
         *
         * @param unlabelled indices into the data's images, in the epoch's seeded order
         * @param ramp       the ramp-up weight of the unsupervised terms at this step, in [0, 1]
         */
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> batch(int[] unlabelled, SplittableRandom rng, double ramp);

        /** Run after each optimiser step (e.g. the EMA update); null for none. */
        default Runnable afterStep() {
            return null;
        }

        /** Facts stored with the cell at the end (e.g. the EMA teacher's validation score). */
        default void report(TrainContext ctx, int batchSize) {
        }
    }

    /** Adds the method's loss, named {@code loss}, to the student graph. */
    protected abstract Step build(StudentGraph graph, SegmentationData data, Params p);
}
