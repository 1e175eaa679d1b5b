package io.kdbench.methods.ssn;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Sample;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.ProbabilityModel;
import io.kdbench.methods.train.Recipe;

import java.util.List;

/** What the three SSN rows share: parameters, dataset support, the task targets, training and the deployed model. */
abstract class SsnRow implements DistillationMethod {
    static final String PAPER = "\"Single-Shared Network with Prior-Inspired Loss for Parameter-Efficient Multi-Modal"
            + " Imaging Skin Lesion Classification\" (Tang, Lasser), arXiv 2403.19203";

    /** The network layout of this row. */
    abstract DualViewNetwork.Config config(Params p);

    @Override
    public ParamSpec parameters() {
        return Recipe.parameters(400, 32, 0.003).and(
                Param.of("widths", List.of(8, 16, 32), "channels of each CNN stage (assumed; the paper uses"
                        + " ResNet-50 / Swin-T)").described(">= 2 stages, each >= 1 and divisible by heads"),
                Param.of("heads", 2, "attention heads of the cross-attention after stages 2..n (assumed)").atLeast(1),
                Param.of("attribute_tasks", true, "learn the privileged seven-point attributes as auxiliary tasks of"
                        + " every head (SSN's 8 tasks)"));
    }

    /** The biased loss's weights of the clinical, dermoscopy and fusion heads (the rows that use the biased loss). */
    static ParamSpec lossWeights() {
        return ParamSpec.of(
                Param.of("w_clinical", 0.5, "loss and prediction weight of the clinical head (assumed; 1/1/1 is the"
                        + " paper's unbiased ablation)").nonNegative(),
                Param.of("w_dermoscopy", 1.0, "loss and prediction weight of the dermoscopy head (assumed)").positive(),
                Param.of("w_fusion", 1.0, "loss and prediction weight of the fusion head (assumed)").nonNegative());
    }

    @Override
    public void validate(Params p) {
        List<Object> widths = p.getList("widths");
        if (widths.size() < 2) {
            throw new IllegalArgumentException("widths needs at least two stages (cross-attention follows stages 2..n),"
                    + " got " + widths);
        }
        for (Object w : widths) {
            if (!(w instanceof Integer i) || i < 1 || i % p.getInt("heads") != 0) {
                throw new IllegalArgumentException("widths must be positive integers divisible by heads ("
                        + p.getInt("heads") + "), got " + widths);
            }
        }
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        if (dataset.task() != Task.CLASSIFICATION) {
            return Support.no("a single-label classifier; the dataset's task is " + dataset.task());
        }
        List<String> images = dataset.imageModalities(false).stream().map(m -> m.name()).toList();
        if (!images.contains(DualViewNetwork.CLINICAL) || !images.contains(DualViewNetwork.DERMOSCOPY)) {
            return Support.no("needs 'clinical' and 'dermoscopy' images at test time; the dataset has " + images);
        }
        return Support.yes();
    }

    static int[] widths(Params p) {
        return p.getList("widths").stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        List<Sample> train = ctx.splits().labelledTrain();
        int[] sizes = taskSizes(train, ctx.dataset().numClasses(), p.getBoolean("attribute_tasks"));
        var first = train.get(0).image(DualViewNetwork.DERMOSCOPY);
        DualViewNetwork net = new DualViewNetwork(config(p), first.channels(), first.height(), sizes, ctx.seed());
        Recipe recipe = Recipe.from(p);
        List<Sample> validation = ctx.validation().samples();
        ModelSelection selection = ModelSelection.ofGraph("student", ctx.validation(),
                () -> ProbabilityModel.predictions(validation, net.probabilities(validation, recipe.batchSize())),
                net.graph(), net.variables(), recipe.validateEvery());
        net.train(train, targets(train, sizes), recipe, ctx.seed(), ctx.log(), selection);
        return new ProbabilityModel(samples -> net.probabilities(samples, recipe.batchSize()), net.parameterCount(),
                false);
    }

    /**
     * Diagnosis classes, then (with attributes) one task per privileged tabular column, sized by the largest value
     * seen in training + 1: Derm7pt's seven-point criteria, which SSN learns as its other tasks.
     */
    static int[] taskSizes(List<Sample> train, int classes, boolean attributes) {
        if (!attributes || train.get(0).tabular() == null) {
            return new int[] {classes};
        }
        int columns = train.get(0).tabular().length;
        int[] sizes = new int[columns + 1];
        sizes[0] = classes;
        for (Sample s : train) {
            for (int j = 0; j < columns; j++) {
                double v = s.tabular()[j];
                if (v < 0 || v != Math.rint(v)) {
                    throw new IllegalArgumentException("attribute tasks need non-negative integer attributes; sample "
                            + s.id() + " column " + j + " is " + v + " (set attribute_tasks: false)");
                }
                sizes[j + 1] = Math.max(sizes[j + 1], (int) v + 1);
            }
        }
        return sizes;
    }

    /** One-hot blocks side by side: the diagnosis, then each attribute. Training samples only. */
    static float[][] targets(List<Sample> train, int[] sizes) {
        int total = java.util.Arrays.stream(sizes).sum();
        float[][] y = new float[train.size()][total];
        for (int i = 0; i < train.size(); i++) {
            Sample s = train.get(i);
            y[i][s.label()] = 1;
            int offset = sizes[0];
            for (int j = 1; j < sizes.length; j++) {
                y[i][offset + (int) s.tabular()[j - 1]] = 1;
                offset += sizes[j];
            }
        }
        return y;
    }
}
