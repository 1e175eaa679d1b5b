package io.kdbench.methods.hdc;

import io.kdbench.api.Params;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.StudentGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Supervised-only control: the U-Net student trained with 0.5 (Dice + CE) on the labelled fraction alone. */
public class SegSupervised extends SemiSupervisedSegmentation {

    @Override
    public String id() {
        return "seg-supervised";
    }

    @Override
    public String summary() {
        return "baseline: U-Net trained with Dice + CE on the labelled images only (weak augmentation)";
    }

    @Override
    public String describe() {
        return summary() + ". Not from a paper: the lower bound of the semi-supervised rows (HDC, mean teacher),"
                + " same network, augmentation and number of steps; unlabelled images are not used.";
    }

    /** Also on federated data: there it trains on the pooled labelled volumes, the federated rows' control. */
    @Override
    public io.kdbench.api.Support supports(io.kdbench.api.DatasetInfo dataset) {
        return segmentationSupport(dataset);
    }

    @Override
    protected Step build(StudentGraph graph, SegmentationData data, Params p) {
        SameDiff sd = graph.sd();
        UNet s = graph.student();
        SDVariable xl = graph.placeholder("xl", data.example().channels());
        SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, data.voxels(), data.classes());
        SDVariable logits = s.decode(graph.mainDecoder(), s.encode(xl), null).logits();
        data.supervisedLoss(sd, logits, yl).rename("loss");
        int nl = p.getInt("labelled_batch_size");
        List<String> trainable = graph.deployedVariables();
        return new Step() {
            @Override
            public List<String> trainable() {
                return trainable;
            }

            @Override
            public Map<String, INDArray> batch(int[] unlabelled, SplittableRandom rng, double ramp) {
                SegmentationData.Labelled l = data.labelledBatch(nl, rng, augmenter());
                return Map.of("xl", l.x(), "yl", l.oneHot());
            }
        };
    }
}
