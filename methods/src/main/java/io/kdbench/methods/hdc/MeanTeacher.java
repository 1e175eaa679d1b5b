package io.kdbench.methods.hdc;

import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.TrainContext;
import io.kdbench.data.Image;
import io.kdbench.methods.augment.Augmenter;
import io.kdbench.methods.nn.Ema;
import io.kdbench.methods.nn.SegmentationLosses;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.SegmentationTensors;
import io.kdbench.methods.train.StudentGraph;
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
 * Mean teacher (Tarvainen & Valpola, NeurIPS 2017, arXiv 1703.01780) for segmentation: supervised Dice + CE
 * plus a ramped MSE between the student's softmax on the strong view and the EMA teacher's softmax on the weak
 * view of every training image. The baseline HDC extends.
 */
public class MeanTeacher extends SemiSupervisedSegmentation {

    @Override
    public String id() {
        return "mean-teacher";
    }

    @Override
    public String summary() {
        return "baseline: mean teacher (EMA teacher, softmax-MSE consistency, weak/strong views)";
    }

    @Override
    public String describe() {
        return summary() + ". Paper: 'Mean teachers are better role models' (Tarvainen & Valpola, arXiv 1703.01780)."
                + " From the paper: EMA teacher theta_T = 0.99 theta_T + 0.01 theta_S per step, MSE consistency between"
                + " softmax outputs under different noise, sigmoid ramp-up. Assumed: weak view (flip, shift) for the"
                + " teacher and strong view (plus contrast, brightness, noise) for the student, consistency weight 1,"
                + " ramp over the first 40 % of steps; the student is deployed.";
    }

    @Override
    public ParamSpec parameters() {
        return super.parameters().and(teacherParameters()).and(
                Param.of("consistency", 1.0, "weight of the softmax-MSE consistency term (assumed)").nonNegative());
    }

    /** Weak and strong views of the given images, sharing one geometry per image. */
    public static List<List<Image>> views(SegmentationData data, int[] idx, SplittableRandom rng, Augmenter aug) {
        List<Image> weak = new ArrayList<>(), strong = new ArrayList<>();
        for (int i : idx) {
            Image w = Augmenter.apply(aug.drawGeometry(rng), data.image(i));
            weak.add(w);
            strong.add(aug.photometric(w, rng));
        }
        return List.of(weak, strong);
    }

    @Override
    protected Step build(StudentGraph graph, SegmentationData data, Params p) {
        SameDiff sd = graph.sd();
        UNet s = graph.student();
        StudentGraph teacher = graph.teacherCopy();
        Ema ema = new Ema(sd, teacher.sd(), graph.samePairs());
        double decay = p.getDouble("ema_decay");

        int c = data.example().channels(), v = data.voxels(), k = data.classes();
        SDVariable xl = graph.placeholder("xl", c);
        SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, v, k);
        SDVariable xs = graph.placeholder("xs", c);
        SDVariable pt = sd.placeHolder("pt", DataType.FLOAT, -1, v, k);
        SDVariable w = sd.placeHolder("w_u", DataType.FLOAT);
        SDVariable sup = data.supervisedLoss(sd, s.decode(0, s.encode(xl), null).logits(), yl);
        SDVariable cons = SegmentationLosses.softmaxMse(sd, s.decode(0, s.encode(xs), null).logits(), pt, k, data.threeD());
        sup.add(cons.mul(w)).rename("loss");

        int nl = p.getInt("labelled_batch_size");
        double lambda = p.getDouble("consistency");
        List<String> trainable = graph.deployedVariables();
        return new Step() {
            @Override
            public List<String> trainable() {
                return trainable;
            }

            @Override
            public Map<String, INDArray> batch(int[] idx, SplittableRandom rng, double ramp) {
                SegmentationData.Labelled l = data.labelledBatch(nl, rng, augmenter());
                List<List<Image>> views = views(data, idx, rng, augmenter());
                INDArray teacherLogits = teacher.run(SegmentationTensors.input(views.get(0), data.threeD()),
                        List.of(StudentGraph.LOGITS)).get(StudentGraph.LOGITS);
                return Map.of("xl", l.x(), "yl", l.oneHot(),
                        "xs", SegmentationTensors.input(views.get(1), data.threeD()),
                        "pt", SegmentationTensors.tensor(SegmentationTensors.probabilities(teacherLogits)),
                        "w_u", Nd4j.scalar((float) (lambda * ramp)));
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
}
