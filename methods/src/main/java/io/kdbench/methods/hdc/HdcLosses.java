package io.kdbench.methods.hdc;

import io.kdbench.methods.nn.SegmentationLosses;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** HDC's two hierarchical-distillation terms as SameDiff graph pieces. */
public final class HdcLosses {
    private static final double EPS = 1e-8;

    private HdcLosses() {
    }

    /**
     * Channel correlation of a feature map [B, C, spatial...]: each channel L2-normalised over positions, then
     * G = F F^T, [B, C, C] (cosine similarity between channels).
     */
    public static SDVariable correlation(SameDiff sd, SDVariable features, int channels, int positions) {
        SDVariable f = features.reshape(-1, channels, positions);
        SDVariable norm = sd.math.sqrt(f.mul(f).sum(true, 2).add(EPS));
        SDVariable n = f.div(norm);
        return sd.mmul(n, n, false, true, false);
    }

    /**
     * Correlation Guidance at one level: mean over the batch and the C x C entries of (G_student - G_teacher)^2,
     * i.e. (1/C^2) ||G_S - G_T||_F^2 averaged over samples. The teacher side is a placeholder (no gradient).
     */
    public static SDVariable correlationGuidance(SameDiff sd, SDVariable student, SDVariable teacher, int channels,
                                                 int positions) {
        SDVariable d = correlation(sd, student, channels, positions).sub(correlation(sd, teacher, channels, positions));
        return d.mul(d).mean();
    }

    /**
     * IIC mutual-information loss between two predictions of the same voxels (main and noisy decoder):
     * J = (1/N) sum_voxels p1 p2^T (K x K), symmetrised, L = -sum_ij J_ij log(J_ij / (J_i J_j)). Minimising it
     * maximises I(main; noisy).
     */
    public static SDVariable mutualInformation(SameDiff sd, SDVariable logits1, SDVariable logits2, int classes,
                                               boolean threeD) {
        SDVariable p1 = SegmentationLosses.softmaxRows(sd, SegmentationLosses.rows(logits1, classes, threeD));
        SDVariable p2 = SegmentationLosses.softmaxRows(sd, SegmentationLosses.rows(logits2, classes, threeD));
        SDVariable j = sd.mmul(p1, p2, true, false, false);
        j = j.div(j.sum()); // rows of p1 and p2 sum to 1, so sum J = N
        j = j.add(j.permute(1, 0)).mul(0.5);
        SDVariable pi = j.sum(true, 1);
        SDVariable pj = j.sum(true, 0);
        SDVariable logRatio = sd.math.log(j.add(EPS)).sub(sd.math.log(pi.add(EPS))).sub(sd.math.log(pj.add(EPS)));
        return j.mul(logRatio).sum().neg();
    }
}
