package io.kdbench.methods.hdc;

import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.data.Image;
import io.kdbench.methods.augment.FeaturePerturbation;
import io.kdbench.methods.nn.Ema;
import io.kdbench.methods.nn.SegmentationLosses;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.PseudoLabels;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.SegmentationTensors;
import io.kdbench.methods.train.StudentGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * HDC: a mean teacher whose student has a main and a noisy decoder on one encoder. Loss = supervised
 * 0.5 (Dice + CE) of both decoders on labelled images + ramped [lambda_u pixel consistency (confidence-masked CE
 * of both decoders on the strong view against the teacher's pseudo-labels on the weak view) + lambda_cg
 * Correlation Guidance (teacher vs main decoder channel correlations at the bottleneck and every decoder level)
 * + lambda_mi mutual-information loss between the main and noisy decoders' predictions].
 */
public class Hdc extends SemiSupervisedSegmentation {

    @Override
    public String id() {
        return "hdc";
    }

    @Override
    public String summary() {
        return "HDC: EMA teacher, main + noisy decoders, pixel consistency, correlation guidance, mutual information";
    }

    @Override
    public String describe() {
        return summary() + ". Paper: 'HDC: Hierarchical Distillation for Multi-level Noisy Consistency in"
                + " Semi-Supervised Fetal Ultrasound Segmentation' (Le, Vu et al., CVPRW 2025, arXiv 2504.09876; no code"
                + " found). From the paper (abstract and reviews): single EMA teacher; student with a shared encoder, a"
                + " main and a noisy decoder; three noise levels (weak view for the teacher, strong view for the"
                + " student, feature perturbation before the noisy decoder); Correlation Guidance between teacher and"
                + " main student; Mutual Information between main and noisy student; pixel-level consistency; both"
                + " decoders supervised. Assumed (formulas not retrieved): CE + Dice supervision averaged over the two"
                + " decoders; pixel consistency = CE to teacher arg-max with confidence > 0.95 for both decoders;"
                + " CG = mean squared difference of channel-correlation (cosine Gram) matrices at the bottleneck and"
                + " each decoder level, averaged; MI = IIC mutual information of the two decoders' softmax outputs;"
                + " weights 1 / 0.1 / 0.1 with a sigmoid ramp over the first 40 % of steps; EMA 0.99 per step on"
                + " encoder + main decoder; feature perturbation = channel dropout 0.5 times uniform noise +-0.3 on the"
                + " bottleneck; small U-Net instead of the paper's backbone; Adam instead of SGD; the main decoder of"
                + " the student is deployed.";
    }

    @Override
    public ParamSpec parameters() {
        return super.parameters().and(teacherParameters()).and(
                Param.of("confidence", 0.95, "teacher confidence above which a pixel enters the consistency loss"
                        + " (assumed)").fraction(),
                Param.of("lambda_u", 1.0, "weight of the pixel-level consistency (assumed)").nonNegative(),
                Param.of("lambda_cg", 0.1, "weight of the correlation guidance (assumed)").nonNegative(),
                Param.of("lambda_mi", 0.1, "weight of the mutual information term (assumed)").nonNegative(),
                Param.of("feature_dropout", 0.5, "channel dropout rate of the bottleneck perturbation (assumed)")
                        .fraction(),
                Param.of("feature_noise", 0.3, "amplitude of the uniform noise of that perturbation (assumed)")
                        .nonNegative());
    }

    @Override
    protected Step build(StudentGraph graph, SegmentationData data, Params p) {
        SameDiff sd = graph.sd();
        UNet s = graph.student();
        UNet.Config cfg = s.config();
        int noisy = s.addDecoder(sd, "ndec");
        StudentGraph teacher = graph.teacherCopy();
        Ema ema = new Ema(sd, teacher.sd(), graph.samePairs());
        double decay = p.getDouble("ema_decay");

        int c = data.example().channels(), v = data.voxels(), k = data.classes();
        boolean threeD = data.threeD();
        int levels = cfg.levels();
        // teacher outputs on the weak view: logits and features (bottleneck first, then each decoder level)
        List<String> teacherOutputs = new ArrayList<>();
        teacherOutputs.add(StudentGraph.LOGITS);
        for (int l = 0; l < levels; l++) {
            teacherOutputs.add(StudentGraph.feature(l));
        }

        SDVariable xl = graph.placeholder("xl", c);
        SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, v, k);
        SDVariable nl = sd.placeHolder("nl", DataType.FLOAT, bottleneckShape(cfg, data));
        SDVariable xs = graph.placeholder("xs", c);
        SDVariable nu = sd.placeHolder("nu", DataType.FLOAT, bottleneckShape(cfg, data));
        SDVariable pl = sd.placeHolder("pl", DataType.FLOAT, -1, v, k);
        SDVariable mask = sd.placeHolder("mask", DataType.FLOAT, -1, v);
        SDVariable w = sd.placeHolder("w_u", DataType.FLOAT);

        UNet.Encoded el = s.encode(xl);
        SDVariable sup = data.supervisedLoss(sd, s.decode(0, el, null).logits(), yl)
                .add(data.supervisedLoss(sd, s.decode(noisy, el, f -> f.mul(nl)).logits(), yl))
                .mul(0.5).rename("sup");
        UNet.Encoded eu = s.encode(xs);
        UNet.Decoded main = s.decode(0, eu, null);
        UNet.Decoded perturbed = s.decode(noisy, eu, f -> f.mul(nu));
        SDVariable pc = SegmentationLosses.maskedCrossEntropy(sd, main.logits(), pl, mask, k, threeD)
                .add(SegmentationLosses.maskedCrossEntropy(sd, perturbed.logits(), pl, mask, k, threeD)).rename("pc");
        SDVariable cg = null;
        for (int l = 0; l < levels; l++) {
            int channels = cfg.channels(levels - 1 - l);
            int positions = v / (int) Math.pow(1 << (levels - 1 - l), threeD ? 3 : 2);
            SDVariable tf = sd.placeHolder("tf" + l, DataType.FLOAT, featureShape(cfg, data, levels - 1 - l));
            SDVariable term = HdcLosses.correlationGuidance(sd, main.features().get(l), tf, channels, positions);
            cg = cg == null ? term : cg.add(term);
        }
        cg = cg.div(levels).rename("cg");
        SDVariable mi = HdcLosses.mutualInformation(sd, main.logits(), perturbed.logits(), k, threeD).rename("mi");
        SDVariable unsup = pc.mul(p.getDouble("lambda_u")).add(cg.mul(p.getDouble("lambda_cg")))
                .add(mi.mul(p.getDouble("lambda_mi")));
        sup.add(unsup.mul(w)).rename("loss");

        int labelled = p.getInt("labelled_batch_size");
        double confidence = p.getDouble("confidence");
        FeaturePerturbation perturbation = new FeaturePerturbation(p.getDouble("feature_dropout"),
                p.getDouble("feature_noise"));
        List<String> trainable = new ArrayList<>(graph.deployedVariables());
        trainable.addAll(UNet.variables(sd, "s_ndec"));
        return new Step() {
            @Override
            public List<String> trainable() {
                return trainable;
            }

            @Override
            public Map<String, INDArray> batch(int[] idx, SplittableRandom rng, double ramp) {
                SegmentationData.Labelled l = data.labelledBatch(labelled, rng, augmenter());
                List<List<Image>> views = MeanTeacher.views(data, idx, rng, augmenter());
                Map<String, INDArray> tout = teacher.run(SegmentationTensors.input(views.get(0), threeD), teacherOutputs);
                float[][][] probs = SegmentationTensors.probabilities(tout.get(StudentGraph.LOGITS));
                Map<String, INDArray> b = new HashMap<>();
                b.put("xl", l.x());
                b.put("yl", l.oneHot());
                b.put("nl", perturbation.multiplier(shape(bottleneckShape(cfg, data), l.x().size(0)), rng));
                b.put("xs", SegmentationTensors.input(views.get(1), threeD));
                b.put("nu", perturbation.multiplier(shape(bottleneckShape(cfg, data), idx.length), rng));
                b.put("pl", PseudoLabels.hard(probs));
                b.put("mask", PseudoLabels.confidenceMask(probs, confidence));
                for (int lv = 0; lv < levels; lv++) {
                    b.put("tf" + lv, tout.get(StudentGraph.feature(lv)));
                }
                b.put("w_u", Nd4j.scalar((float) ramp));
                return b;
            }

            @Override
            public Runnable afterStep() {
                return () -> ema.update(decay);
            }

            @Override
            public void report(TrainContext ctx, int batchSize) {
                reportTeacher(ctx, "EMA teacher", teacher, batchSize);
            }
        };
    }

    /** [-1, C, spatial...] of the features at {@code level} (0 = finest). */
    static long[] featureShape(UNet.Config cfg, SegmentationData data, int level) {
        Image e = data.example();
        int f = 1 << level;
        return cfg.threeD() ? new long[] {-1, cfg.channels(level), e.depth() / f, e.height() / f, e.width() / f}
                : new long[] {-1, cfg.channels(level), e.height() / f, e.width() / f};
    }

    static long[] bottleneckShape(UNet.Config cfg, SegmentationData data) {
        return featureShape(cfg, data, cfg.levels() - 1);
    }

    private static long[] shape(long[] withBatch, long batch) {
        long[] s = withBatch.clone();
        s[0] = batch;
        return s;
    }
}
