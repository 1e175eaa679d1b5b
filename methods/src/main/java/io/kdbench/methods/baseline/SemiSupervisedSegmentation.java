package io.kdbench.methods.baseline;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.api.Task;
import io.kdbench.methods.augment.Augmenter;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.Optimiser;
import io.kdbench.methods.train.Rampup;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.StudentGraph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the semi-supervised segmentation rows (supervised-only, mean teacher, HDC) share, so they differ only in
 * their loss: the same U-Net student, data, augmentation and schedule. One epoch is a pass over all training
 * images in batches of {@code batch_size} (the unlabelled stream; labelled images are in it too, as in mean
 * teacher code), each step paired with {@code labelled_batch_size} labelled images from a seeded cycle.
 */
public abstract class SemiSupervisedSegmentation implements DistillationMethod {

    /** The image modality a segmentation student reads. */
    public static final String MODALITY = "image";

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("epochs", 6);
        d.put("batch_size", 8);
        d.put("labelled_batch_size", 4);
        d.put("lr", 0.002);
        d.put("weight_decay", 0.0);
        d.put("width", 8);
        d.put("levels", 3);
        return d;
    }

    @Override
    public void validate(Params p) {
        Optimiser.from(p);
        if (p.getInt("labelled_batch_size") < 1 || p.getInt("width") < 1 || p.getInt("levels") < 2) {
            throw new IllegalArgumentException("need labelled_batch_size >= 1, width >= 1, levels >= 2");
        }
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        return segmentationSupport(dataset);
    }

    private static Support segmentationSupport(DatasetInfo dataset) {
        if (!dataset.task().isSegmentation()) {
            return Support.no("a segmentation network; the dataset's task is " + dataset.task());
        }
        if (dataset.imageModalities(false).stream().noneMatch(m -> m.name().equals(MODALITY))) {
            return Support.no("needs a test-time modality named '" + MODALITY + "'");
        }
        return Support.yes();
    }

    /** For single-site semi-supervised rows: refuses federated datasets, which have their own rows. */
    protected Support singleSite(DatasetInfo dataset) {
        if (dataset.federated()) {
            return Support.no("a semi-supervised single-site method; federated datasets have their own rows");
        }
        return segmentationSupport(dataset);
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        boolean threeD = ctx.dataset().task() == Task.SEGMENTATION_3D;
        SegmentationData data = new SegmentationData(ctx.splits().train(), MODALITY, ctx.dataset().numClasses(), threeD);
        if (data.labelledSize() == 0) {
            throw new IllegalArgumentException("no labelled training samples");
        }
        StudentGraph graph = new StudentGraph(StudentGraph.config(p, data), ctx.seed());
        Optimiser opt = Optimiser.from(p);
        Step step = build(graph, data, p);
        Fitter fitter = new Fitter(graph.sd(), "loss", opt, step.trainable());
        SplittableRandom rng = new SplittableRandom(ctx.seed() * 31 + 7);
        int steps = opt.epochs() * ((data.size() + opt.batchSize() - 1) / opt.batchSize());
        double rampLength = p.asMap().containsKey("rampup") ? p.getDouble("rampup") * steps : 0;
        int[] iteration = {0};
        fitter.fit(data.size(), idx -> step.batch(idx, rng, Rampup.sigmoid(iteration[0]++, rampLength)),
                ctx.seed(), ctx.log(), "loss", step.afterStep());
        step.report(ctx);
        return graph.model(MODALITY, opt.batchSize());
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

        /** Facts stored with the cell at the end. */
        default void report(TrainContext ctx) {
        }
    }

    /** Adds the method's loss, named {@code loss}, to the student graph. */
    protected abstract Step build(StudentGraph graph, SegmentationData data, Params p);
}
