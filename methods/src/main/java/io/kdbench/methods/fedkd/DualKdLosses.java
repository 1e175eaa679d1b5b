package io.kdbench.methods.fedkd;

import io.kdbench.methods.nn.Losses;
import io.kdbench.methods.nn.SegmentationLosses;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** The two distillation terms of the federated few-shot dual-KD code (training/semi_distil_segmentation_trainer.py). */
public final class DualKdLosses {
    private DualKdLosses() {
    }

    /**
     * Response-based KD, uncertainty-masked (UA-MT form, {@code softmax_mse_loss}): D = (softmax(S) - p_T)^2 per
     * voxel and class, L = sum(M * D) / (2 sum(M) + 1e-16) with M [B, S] broadcast over classes.
     *
     * @param teacherProbs [B, S, K]
     * @param mask         [B, S]
     */
    public static SDVariable response(SameDiff sd, SDVariable studentLogits, SDVariable teacherProbs, SDVariable mask,
                                      int classes, boolean threeD) {
        SDVariable p = SegmentationLosses.softmaxRows(sd, SegmentationLosses.rows(studentLogits, classes, threeD));
        SDVariable d = p.sub(teacherProbs.reshape(-1, classes));
        SDVariable m = mask.reshape(-1, 1);
        return d.mul(d).mul(m).sum().div(m.sum().mul(2).add(1e-16));
    }

    /**
     * Feature-based KD on the bottleneck: KL(softmax_c(f_T) || softmax_c(f_S)) with the softmax over channels at
     * each voxel, averaged over all B*C*voxels elements (PyTorch {@code kl_div(..., reduction='mean',
     * log_target=True)}); no temperature, weight 1.
     */
    public static SDVariable feature(SameDiff sd, SDVariable student, SDVariable teacher, int channels, boolean threeD) {
        SDVariable logS = Losses.logSoftmax(sd, SegmentationLosses.rows(student, channels, threeD));
        SDVariable logT = Losses.logSoftmax(sd, SegmentationLosses.rows(teacher, channels, threeD));
        return sd.math.exp(logT).mul(logT.sub(logS)).mean();
    }
}
