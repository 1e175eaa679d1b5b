package io.kdbench.methods.ssn;

import io.kdbench.api.AttributeTask;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.metrics.Cases;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.ProbabilityModel;
import io.kdbench.methods.train.Recipe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
                Param.of("attribute_tasks", true, "learn the privileged seven-point attributes as tasks of every head"
                        + " and predict them at test (SSN's 8 tasks)"));
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
        List<AttributeTask> tasks = p.getBoolean("attribute_tasks") ? attributeTasks(ctx.dataset(), train) : List.of();
        int[] sizes = taskSizes(ctx.dataset().numClasses(), tasks);
        var first = train.get(0).image(DualViewNetwork.DERMOSCOPY);
        DualViewNetwork net = new DualViewNetwork(config(p), first.channels(), first.height(), sizes, ctx.seed());
        Recipe recipe = Recipe.from(p);
        List<Sample> validation = ctx.validation().samples();
        ModelSelection selection = ModelSelection.ofGraph("student", ctx.validation(),
                () -> ProbabilityModel.predictions(validation, net.probabilities(validation, recipe.batchSize())),
                net.graph(), net.variables(), recipe.validateEvery());
        net.train(train, targets(train, sizes[0], tasks), recipe, ctx.seed(), ctx.log(), selection);
        return new SsnModel(net, tasks, recipe.batchSize());
    }

    /**
     * The attribute tasks every head learns beside the diagnosis: the dataset's declared ones (Derm7pt's seven-point
     * criteria, which SSN learns as its other tasks, and which the deployed model then predicts), else one task per
     * privileged tabular column, sized by the largest value seen in training + 1.
     */
    static List<AttributeTask> attributeTasks(DatasetInfo dataset, List<Sample> train) {
        if (!dataset.attributes().isEmpty() || train.get(0).tabular() == null) {
            return dataset.attributes();
        }
        int columns = train.get(0).tabular().length;
        int[] values = new int[columns];
        for (Sample s : train) {
            for (int j = 0; j < columns; j++) {
                double v = s.tabular()[j];
                if (v < 0 || v != Math.rint(v)) {
                    throw new IllegalArgumentException("attribute tasks need non-negative integer attributes; sample "
                            + s.id() + " column " + j + " is " + v + " (set attribute_tasks: false)");
                }
                values[j] = Math.max(values[j], (int) v + 1);
            }
        }
        return IntStream.range(0, columns).mapToObj(j -> new AttributeTask("tabular column " + j, j,
                Math.max(2, values[j]))).toList();
    }

    /** Logits per task: the diagnosis classes, then each attribute task's values. */
    static int[] taskSizes(int classes, List<AttributeTask> tasks) {
        return IntStream.concat(IntStream.of(classes), tasks.stream().mapToInt(AttributeTask::classes)).toArray();
    }

    /** One-hot blocks side by side: the diagnosis, then each attribute. Training samples only. */
    static float[][] targets(List<Sample> train, int classes, List<AttributeTask> tasks) {
        int total = Arrays.stream(taskSizes(classes, tasks)).sum();
        float[][] y = new float[train.size()][total];
        for (int i = 0; i < train.size(); i++) {
            Sample s = train.get(i);
            y[i][s.label()] = 1;
            int offset = classes;
            for (AttributeTask task : tasks) {
                y[i][offset + Cases.attribute(s, task)] = 1;
                offset += task.classes();
            }
        }
        return y;
    }

    /** The deployed SSN: diagnosis probabilities, and each attribute task's from the same weighted heads. */
    private record SsnModel(DualViewNetwork net, List<AttributeTask> tasks, int batchSize) implements TrainedModel {
        @Override
        public List<Prediction> predict(List<Sample> samples) {
            double[][] rows = net.taskProbabilities(samples, batchSize);
            int classes = net.taskSizes()[0];
            List<Prediction> out = new ArrayList<>(samples.size());
            for (int i = 0; i < samples.size(); i++) {
                Map<String, double[]> attributes = new LinkedHashMap<>();
                int offset = classes;
                for (AttributeTask task : tasks) {
                    attributes.put(task.name(), Arrays.copyOfRange(rows[i], offset, offset + task.classes()));
                    offset += task.classes();
                }
                out.add(new Prediction(samples.get(i).id(), Arrays.copyOf(rows[i], classes), null, null,
                        tasks.isEmpty() ? null : attributes));
            }
            return out;
        }

        @Override
        public long parameterCount() {
            return net.parameterCount();
        }
    }
}
