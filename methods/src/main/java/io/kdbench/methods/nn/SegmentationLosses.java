package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Segmentation loss terms over per-voxel rows. Logits [B, K, spatial...] are turned into rows [B*S, K]
 * (channels last) so the row-wise {@link Losses#logSoftmax} can be reused; targets, masks and teacher
 * probabilities are fed in the same channels-last layout [B, S, K] (or [B, S] for masks).
 */
public final class SegmentationLosses {
    private SegmentationLosses() {
    }

    /** [B, K, spatial...] to rows [B*S, K]. */
    public static SDVariable rows(SDVariable x, int channels, boolean threeD) {
        SDVariable last = threeD ? x.permute(0, 2, 3, 4, 1) : x.permute(0, 2, 3, 1);
        return last.reshape(-1, channels);
    }

    /** Class probabilities as rows [B*S, K]: exp of the hand-written log-softmax. */
    public static SDVariable softmaxRows(SameDiff sd, SDVariable logitRows) {
        return sd.math.exp(Losses.logSoftmax(sd, logitRows));
    }

    /**
     * Soft Dice loss as in the knee paper's WeightedDiceLoss with equal weights, background included, smooth 1:
     * mean over classes and samples of 1 - (2 sum p g + 1) / (sum p + sum g + 1), sums over each sample's voxels.
     *
     * @param probRows rows [B*S, K]
     * @param oneHot   [B, S, K]
     */
    public static SDVariable dice(SDVariable probRows, SDVariable oneHot, int voxels, int classes) {
        return dice(probRows, oneHot, voxels, classes, true);
    }

    /**
     * Soft Dice loss as {@link #dice(SDVariable, SDVariable, int, int)}, with {@code background} false the mean over
     * the foreground classes 1..K-1 only (nnU-Net's {@code do_bg=False}, MONAI's {@code include_background=False}):
     * where the foreground is a small share of the voxels, the background's Dice is near 1 from the first steps and
     * only halves the weight of the classes that matter.
     */
    public static SDVariable dice(SDVariable probRows, SDVariable oneHot, int voxels, int classes, boolean background) {
        SDVariable p = probRows.reshape(-1, voxels, classes);
        SDVariable inter = p.mul(oneHot).sum(1);
        SDVariable denominator = p.sum(1).add(oneHot.sum(1)).add(1.0);
        SDVariable perClass = inter.mul(2).add(1.0).div(denominator).rsub(1.0); // [B, K]
        if (background) {
            return perClass.mean();
        }
        SameDiff sd = probRows.getSameDiff();
        float[] fg = new float[classes];
        java.util.Arrays.fill(fg, 1, classes, 1f);
        SDVariable weights = sd.constant(org.nd4j.linalg.factory.Nd4j.create(fg, new long[] {1, classes}));
        return perClass.mul(weights).sum(1).div(classes - 1).mean();
    }

    /** Cross-entropy averaged over all voxels of the batch. */
    public static SDVariable crossEntropy(SameDiff sd, SDVariable logitRows, SDVariable oneHot, int classes) {
        return Losses.crossEntropy(sd, logitRows, oneHot.reshape(-1, classes));
    }

    /** The supervised term of both papers: 0.5 * (Dice + CE). */
    public static SDVariable diceCe(SameDiff sd, SDVariable logits, SDVariable oneHot, int voxels, int classes,
                                    boolean threeD) {
        return diceCe(sd, logits, oneHot, voxels, classes, threeD, true);
    }

    /** 0.5 * (Dice + CE), the Dice over all classes or ({@code background} false) over the foreground classes. */
    public static SDVariable diceCe(SameDiff sd, SDVariable logits, SDVariable oneHot, int voxels, int classes,
                                    boolean threeD, boolean background) {
        return diceCe(sd, logits, oneHot, voxels, classes, threeD, background, null);
    }

    /**
     * 0.5 * (Dice + CE) as above, the CE of each voxel weighted by its true class's weight when {@code ceWeights} is
     * given (null: unweighted): the mean over voxels of w[y] * -log p[y].
     */
    public static SDVariable diceCe(SameDiff sd, SDVariable logits, SDVariable oneHot, int voxels, int classes,
                                    boolean threeD, boolean background, float[] ceWeights) {
        // one log-softmax serves both terms
        SDVariable logp = Losses.logSoftmax(sd, rows(logits, classes, threeD));
        SDVariable ce = ceWeights == null ? oneHot.reshape(-1, classes).mul(logp).sum(true, 1).mean().neg()
                : oneHot.reshape(-1, classes).mul(logp).mul(sd.constant(org.nd4j.linalg.factory.Nd4j.create(ceWeights,
                        new long[] {1, classes}))).sum(true, 1).mean().neg();
        return dice(sd.math.exp(logp), oneHot, voxels, classes, background).add(ce).mul(0.5);
    }

    /**
     * Pseudo-label cross-entropy with a per-voxel mask (FixMatch-style): sum over voxels of m * CE / all voxels.
     *
     * @param pseudo one-hot pseudo-labels [B, S, K]
     * @param mask   [B, S], 1 where the pseudo-label is trusted
     */
    public static SDVariable maskedCrossEntropy(SameDiff sd, SDVariable logits, SDVariable pseudo, SDVariable mask,
                                                int classes, boolean threeD) {
        SDVariable logp = Losses.logSoftmax(sd, rows(logits, classes, threeD));
        SDVariable ce = pseudo.reshape(-1, classes).mul(logp).sum(1).neg();
        return ce.mul(mask.reshape(-1)).mean();
    }

    /** Mean over voxels and classes of (softmax(student) - teacher probabilities)^2; teacher given as [B, S, K]. */
    public static SDVariable softmaxMse(SameDiff sd, SDVariable logits, SDVariable teacherProbs, int classes,
                                        boolean threeD) {
        SDVariable p = softmaxRows(sd, rows(logits, classes, threeD));
        SDVariable d = p.sub(teacherProbs.reshape(-1, classes));
        return d.mul(d).mean();
    }
}
