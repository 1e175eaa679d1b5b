package io.kdbench.bench;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Modality;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.Spacing;
import io.kdbench.methods.hdc.SegSupervised;
import io.kdbench.methods.mmpkd.VitStudent;
import io.kdbench.methods.fedkd.FedAvgBaseline;
import io.kdbench.methods.nn.CnnEncoder;
import io.kdbench.methods.nn.Losses;
import io.kdbench.methods.nn.SegmentationLosses;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.osmd.OsmdRgbOnly;
import io.kdbench.methods.train.CnnClassifier;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.Recipe;
import io.kdbench.methods.train.StudentGraph;
import io.kdbench.methods.train.VitClassifier;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The networks the methods train, each built by the methods' own classes from the method's defaults overlaid with
 * the experiment file's parameters (copied here; {@code StepNetworkTest} checks them against the files), with the
 * loss, trainable variables and {@link Fitter} of the row named, and random inputs of the right shape.
 */
public enum StepNetwork {
    VIT_QUICK("ViT student, quick size (cxr-report 32 px, batch 64)", "quick", new VitStudent(), "cxr-report",
            Map.of("stem", "conv", "patch", 8, "steps", 450, "batch_size", 64, "lr", 0.004, "validate_every", 30)),
    VIT_PAPER("ViT student, paper size (64 px, width 64, 4 blocks, batch 64)", "paper", new VitStudent(), "cxr-report",
            Map.of("patch", 8, "width", 64, "depth", 4, "heads", 4, "steps", 2000, "batch_size", 64, "lr", 0.002)),
    CNN_OSMD("CNN classifier of OS-MD, RGB (rgbd-incomplete 32 px, batch 32)", "quick", new OsmdRgbOnly(),
            "rgbd-incomplete", Map.of("steps", 300, "batch_size", 32, "lr", 0.004, "validate_every", 30,
            "pooling", "learned")),
    UNET_2D("2-D U-Net of seg-supervised (fetal-us 32 px, 4 labelled images)", "quick", new SegSupervised(), "fetal-us",
            Map.of("steps", 150, "validate_every", 15, "lr", 0.01)),
    UNET_3D("3-D U-Net of the federated rows (knee-mr-federated 8x24x24, 2 labelled volumes)", "quick",
            new FedAvgBaseline(), "knee-mr-federated", Map.of("steps", 60, "lr", 0.004, "teacher_steps", 60, "rounds", 6));

    private final String description;
    private final String experiment;
    private final DistillationMethod method;
    private final String dataset;
    private final Map<String, Object> overrides;

    StepNetwork(String description, String experiment, DistillationMethod method, String dataset,
                Map<String, Object> overrides) {
        this.description = description;
        this.experiment = experiment;
        this.method = method;
        this.dataset = dataset;
        this.overrides = overrides;
    }

    public String description() {
        return description;
    }

    /** The experiment file (experiments/&lt;name&gt;.yaml) whose row this network is. */
    public String experiment() {
        return experiment;
    }

    public String methodId() {
        return method.id();
    }

    public String datasetId() {
        return dataset;
    }

    /** The row's parameters: the method's defaults overlaid with the experiment file's values. */
    public Params params() {
        return Params.of(method.defaults(), overrides);
    }

    /**
     * The dataset facts the network is built for (each synthetic dataset's image size at the experiment's settings,
     * its channels and classes; checked against the datasets by {@code StepNetworkTest}).
     */
    public DatasetInfo datasetInfo() {
        List<Modality> image = List.of(new Modality("image", Modality.Kind.IMAGE, false));
        return switch (this) {
            case VIT_QUICK, VIT_PAPER -> new DatasetInfo(dataset, Task.MULTILABEL_CLASSIFICATION,
                    List.of("opacity", "effusion", "nodule", "cardiomegaly"), image, false);
            case CNN_OSMD -> new DatasetInfo(dataset, Task.CLASSIFICATION, List.of("flat", "dome", "bowl"), image, false);
            case UNET_2D -> new DatasetInfo(dataset, Task.SEGMENTATION_2D,
                    List.of("background", "pubic-symphysis", "fetal-head"), image, false);
            case UNET_3D -> new DatasetInfo(dataset, Task.SEGMENTATION_3D,
                    List.of("background", "femoral-cartilage", "tibial-cartilage", "patellar-cartilage"), image, true);
        };
    }

    /** An (empty) input image of the dataset's shape: channels, depth (1 for 2-D), height, width. */
    public Image example() {
        int[] s = switch (this) {
            case VIT_QUICK -> new int[] {1, 1, 32, 32};
            case VIT_PAPER -> new int[] {1, 1, 64, 64};
            case CNN_OSMD -> new int[] {3, 1, 32, 32};
            case UNET_2D -> new int[] {1, 1, 32, 32};
            case UNET_3D -> new int[] {1, 8, 24, 24};
        };
        return new Image(new float[s[0] * s[1] * s[2] * s[3]], s[0], s[1], s[2], s[3], Spacing.UNIT);
    }

    /**
     * What one benchmark trial needs: the training graph and its {@link Fitter}, one training batch, and the graph
     * the method predicts with, with one inference batch.
     */
    public record Built(Fitter fitter, Map<String, INDArray> trainingBatch, SameDiff inferenceGraph,
                        Map<String, INDArray> inferenceBatch, List<String> inferenceOutputs, long parameters) {
        /** One optimisation step: forward, backward and the AdamW update, as the methods' training loops run it. */
        public double step() {
            return fitter.step(trainingBatch);
        }

        /** One inference batch, as the method's predict runs it. */
        public Map<String, INDArray> infer() {
            return inferenceGraph.output(inferenceBatch, inferenceOutputs);
        }
    }

    /** Builds the network with weights from {@code seed} and random inputs from {@code seed}. */
    public Built build(long seed) {
        Params p = params();
        DatasetInfo info = datasetInfo();
        Image example = example();
        SplittableRandom random = new SplittableRandom(seed);
        Recipe recipe = Recipe.from(p);
        return switch (this) {
            case VIT_QUICK, VIT_PAPER -> vit(p, info, example, recipe, seed, random);
            case CNN_OSMD -> cnn(p, info, example, recipe, seed, random);
            case UNET_2D, UNET_3D -> unet(p, info, example, recipe, seed, random);
        };
    }

    /** The ViT student as VitStudent builds it, with the loss VitClassifier.train adds without distillation. */
    private static Built vit(Params p, DatasetInfo info, Image example, Recipe recipe, long seed, SplittableRandom random) {
        VitClassifier vit = VitStudent.newStudent(p, info, example, seed);
        SameDiff sd = vit.graph();
        int classes = info.numClasses();
        // the logits are the input of the "probs" sigmoid (the classifier keeps its logits variable private)
        SDVariable logits = sd.getVariableOutputOp("probs").args()[0];
        SDVariable targets = sd.placeHolder("targets", DataType.FLOAT, -1, classes);
        boolean multiLabel = info.task() == Task.MULTILABEL_CLASSIFICATION;
        SDVariable task = multiLabel ? Losses.binaryCrossEntropy(sd, logits, targets)
                : Losses.crossEntropy(sd, logits, targets);
        task.mul(1.0).rename("loss");
        Fitter fitter = new Fitter(sd, "loss", recipe);
        int batch = recipe.batchSize();
        INDArray images = images(random, batch, example);
        Map<String, INDArray> training = Map.of("input", images, "targets", multiLabel
                ? multiHot(random, batch, classes) : oneHot(random, batch, classes));
        // VitClassifier.predict asks for every block's attention map and the probabilities, on the training graph
        List<String> outputs = new ArrayList<>(vit.attentionNames());
        outputs.add("probs");
        return new Built(fitter, training, sd, Map.of("input", images(random, batch, example)), outputs,
                vit.parameterCount());
    }

    /** The RGB classifier as osmd-rgb-only builds it, with the loss CnnClassifier.train adds. */
    private static Built cnn(Params p, DatasetInfo info, Image example, Recipe recipe, long seed, SplittableRandom random) {
        int[] widths = p.getList("widths").stream().mapToInt(o -> ((Number) o).intValue()).toArray();
        CnnEncoder.Pooling pooling = p.getString("pooling").equals("learned")
                ? CnnEncoder.Pooling.LEARNED : CnnEncoder.Pooling.AVERAGE;
        String modality = info.imageModalities(false).get(0).name();
        int classes = info.numClasses();
        CnnClassifier cnn = new CnnClassifier(List.of(modality), new int[] {example.channels()}, example.height(),
                classes, widths, pooling, seed);
        SameDiff sd = cnn.graph();
        SDVariable targets = sd.placeHolder("targets", DataType.FLOAT, -1, classes);
        Losses.crossEntropy(sd, sd.getVariable("logits"), targets).rename("loss");
        Fitter fitter = new Fitter(sd, "loss", recipe);
        int batch = recipe.batchSize();
        Map<String, INDArray> training = Map.of(modality, images(random, batch, example),
                "targets", oneHot(random, batch, classes));
        return new Built(fitter, training, sd, Map.of(modality, images(random, batch, example)), List.of("probs"),
                cnn.parameterCount());
    }

    /**
     * The student U-Net with the supervised Dice + CE step of seg-supervised (2-D) and of the federated rows without
     * distillation (3-D), and the loss-free copy the methods predict with.
     */
    private static Built unet(Params p, DatasetInfo info, Image example, Recipe recipe, long seed,
                              SplittableRandom random) {
        boolean threeD = info.task() == Task.SEGMENTATION_3D;
        int classes = info.numClasses();
        int voxels = example.voxels();
        UNet.Config config = new UNet.Config(example.channels(), classes, p.getInt("width"), p.getInt("levels"), threeD);
        StudentGraph graph = new StudentGraph(config, seed);
        SameDiff sd = graph.sd();
        UNet s = graph.student();
        SDVariable xl = graph.placeholder("xl", config.inChannels());
        SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, voxels, classes);
        SDVariable logits = s.decode(graph.mainDecoder(), s.encode(xl), null).logits();
        SegmentationLosses.diceCe(sd, logits, yl, voxels, classes, threeD).rename("loss");
        StudentGraph inference = graph.teacherCopy();
        Fitter fitter = new Fitter(sd, "loss", recipe, graph.deployedVariables());
        int labelled = p.getInt("labelled_batch_size");
        Map<String, INDArray> training = Map.of("xl", images(random, labelled, example),
                "yl", segmentationOneHot(random, labelled, voxels, classes));
        long parameters = graph.model("image", recipe.batchSize()).parameterCount();
        return new Built(fitter, training, inference.sd(),
                Map.of(StudentGraph.INPUT, images(random, recipe.batchSize(), example)), List.of(StudentGraph.LOGITS),
                parameters);
    }

    /** Standard-normal images [B, C, H, W] or [B, C, D, H, W]. */
    private static INDArray images(SplittableRandom random, int batch, Image example) {
        long[] shape = example.is3d()
                ? new long[] {batch, example.channels(), example.depth(), example.height(), example.width()}
                : new long[] {batch, example.channels(), example.height(), example.width()};
        float[] values = new float[batch * example.data().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) gaussian(random);
        }
        return Nd4j.create(values, shape, 'c');
    }

    private static INDArray oneHot(SplittableRandom random, int batch, int classes) {
        float[] values = new float[batch * classes];
        for (int i = 0; i < batch; i++) {
            values[i * classes + random.nextInt(classes)] = 1;
        }
        return Nd4j.create(values, new long[] {batch, classes}, 'c');
    }

    private static INDArray multiHot(SplittableRandom random, int batch, int classes) {
        float[] values = new float[batch * classes];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextBoolean() ? 1 : 0;
        }
        return Nd4j.create(values, new long[] {batch, classes}, 'c');
    }

    /** One-hot labels [B, S, K], a random class per voxel. */
    private static INDArray segmentationOneHot(SplittableRandom random, int batch, int voxels, int classes) {
        float[] values = new float[batch * voxels * classes];
        for (int i = 0; i < batch * voxels; i++) {
            values[i * classes + random.nextInt(classes)] = 1;
        }
        return Nd4j.create(values, new long[] {batch, voxels, classes}, 'c');
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-300))) * Math.cos(2 * Math.PI * u2);
    }
}
