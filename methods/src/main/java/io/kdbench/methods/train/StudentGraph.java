package io.kdbench.methods.train;

import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.api.Validation;
import io.kdbench.methods.nn.Init;
import io.kdbench.methods.nn.UNet;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The graph every segmentation row starts from: a student U-Net {@code s} (encoder + main decoder {@code dec})
 * with an inference input {@code x} and logits {@code s_logits}, weights drawn from the seed. Methods add
 * their teachers, extra decoders and losses to {@link #sd()}.
 */
public final class StudentGraph {
    public static final String INPUT = "x";
    public static final String LOGITS = "s_logits";

    private final SameDiff sd;
    private final Init init;
    private final UNet student;
    private final int main;

    public StudentGraph(UNet.Config config, long seed) {
        this.sd = SameDiff.create();
        this.init = new Init(Seeds.stream("init", seed));
        this.student = new UNet(sd, init, config, "s");
        this.main = student.addDecoder(sd, "dec");
        SDVariable x = placeholder(INPUT, config.inChannels());
        UNet.Decoded out = student.decode(main, student.encode(x), null);
        out.logits().rename(LOGITS);
        for (int l = 0; l < out.features().size(); l++) {
            out.features().get(l).rename(feature(l));
        }
    }

    /** Name of the inference pass's features at decoder stage {@code l} (0 = bottleneck, then up). */
    public static String feature(int l) {
        return "s_feat" + l;
    }

    /**
     * A copy for teachers and inference: a second graph of the same shape without losses (a separate graph keeps
     * per-step forward passes fast), weights copied from this one.
     */
    public StudentGraph teacherCopy() {
        StudentGraph t = new StudentGraph(student.config(), 0);
        t.loadFrom(this);
        return t;
    }

    /** Copies the deployed weights of {@code other} (a graph of the same shape) into this graph. */
    public void loadFrom(StudentGraph other) {
        for (String n : deployedVariables()) {
            sd.getVariable(n).getArr().assign(other.sd().getVariable(n).getArr());
        }
    }

    /**
     * Model selection of this student on the validation split, scored by {@code model}, which runs on
     * {@code inference} (a {@link #teacherCopy()} of this graph) loaded with the current weights before each
     * evaluation: output() on the training graph, which holds the gradient function, is several times slower.
     */
    public ModelSelection selection(String name, Validation validation, StudentGraph inference, SegmentationModel model,
                                    int every) {
        return new ModelSelection(name, validation, () -> {
            inference.loadFrom(this);
            return model.predict(validation.samples());
        }, this::checkpoint, every);
    }

    /** Copies the deployed weights as they are now; the returned action puts them back. */
    public Runnable checkpoint() {
        Map<String, INDArray> copy = Weights.snapshot(sd, deployedVariables());
        return () -> Weights.load(sd, copy);
    }

    /** Identity pairs of the deployed variables, for an {@link io.kdbench.methods.nn.Ema} across two graphs. */
    public Map<String, String> samePairs() {
        Map<String, String> m = new LinkedHashMap<>();
        deployedVariables().forEach(n -> m.put(n, n));
        return m;
    }

    /** Inference outputs (logits first, then the named features) for an input batch. */
    public Map<String, INDArray> run(INDArray x, List<String> outputs) {
        return sd.output(Map.of(INPUT, x), outputs);
    }

    /** U-Net shape from the rows' common parameters {@code width} and {@code levels}. */
    /** The U-Net student's parameters, which {@link #config} reads, and the labelled images per step. */
    public static ParamSpec parameters(int labelledBatchSize) {
        return ParamSpec.of(
                Param.of("labelled_batch_size", labelledBatchSize, "labelled images per step, besides batch_size"
                        + " unlabelled ones").atLeast(1),
                Param.of("width", 8, "U-Net channels at the first level, doubled per level (assumed: a small U-Net)")
                        .atLeast(1),
                Param.of("levels", 3, "U-Net resolution levels (assumed)").atLeast(2));
    }

    public static UNet.Config config(Params p, SegmentationData data) {
        UNet.Config c = new UNet.Config(data.example().channels(), data.classes(), p.getInt("width"), p.getInt("levels"),
                data.threeD());
        data.requireDivisible(c.divisor());
        return c;
    }

    /** An image-batch placeholder [-1, C, spatial...] of this graph's dimensionality. */
    public SDVariable placeholder(String name, int channels) {
        return student.config().threeD() ? sd.placeHolder(name, DataType.FLOAT, -1, channels, -1, -1, -1)
                : sd.placeHolder(name, DataType.FLOAT, -1, channels, -1, -1);
    }

    public SameDiff sd() {
        return sd;
    }

    public Init init() {
        return init;
    }

    public UNet student() {
        return student;
    }

    public int mainDecoder() {
        return main;
    }

    /** The deployed student's variables (encoder + main decoder; not training-only branches). */
    public List<String> deployedVariables() {
        return sd.variables().stream().map(SDVariable::name)
                .filter(n -> n.startsWith("s_enc") || n.startsWith("s_dec"))
                .filter(n -> sd.getVariable(n).getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .toList();
    }

    public SegmentationModel model(String modality, int batchSize) {
        long params = deployedVariables().stream().mapToLong(n -> sd.getVariable(n).getArr().length()).sum();
        return new SegmentationModel(sd, INPUT, LOGITS, modality, student.config().threeD(), batchSize, params);
    }
}
