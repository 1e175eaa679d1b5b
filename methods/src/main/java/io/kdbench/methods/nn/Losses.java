package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;

/**
 * Loss terms as SameDiff graph pieces, each the batch mean of a per-sample value. Written from primitives
 * (log-softmax by hand) because SameDiff M2.1's logSoftmax with a dimension throws and it has no KL.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * log softmax over the last axis of logits [N, K], as z - m - log sum exp(z - m) with m the row max.
     * Written out because the backward pass of SameDiff M2.1's logSumExp fails (reduce_sum_bp reshape error). The
     * shift m is cut from the gradient: the value does not depend on it, so the gradient is the same, and the
     * backward pass of the row max (reduce_max_bp) cost as much as a convolution's in the U-Nets.
     */
    public static SDVariable logSoftmax(SameDiff sd, SDVariable logits) {
        SDVariable shifted = logits.sub(stopGradient(sd, logits.max(true, 1)));
        return shifted.sub(sd.math.log(sd.math.exp(shifted).sum(true, 1)));
    }

    /** Cross-entropy -mean_n sum_k y_nk log softmax(z)_nk, for one-hot (or soft) targets y [N, K]. */
    public static SDVariable crossEntropy(SameDiff sd, SDVariable logits, SDVariable targets) {
        return targets.mul(logSoftmax(sd, logits)).sum(true, 1).mean().neg();
    }

    /**
     * Hinton KD: T^2 * mean_n KL(p_teacher || softmax(z / T)), with teacher probabilities given (already
     * softened by the teacher at temperature T). {@code teacherLogProbs} = log p_teacher, precomputed.
     */
    public static SDVariable distillationKl(SameDiff sd, SDVariable studentLogits, SDVariable teacherProbs,
                                            SDVariable teacherLogProbs, double temperature) {
        SDVariable logStudent = logSoftmax(sd, studentLogits.div(temperature));
        SDVariable kl = teacherProbs.mul(teacherLogProbs.sub(logStudent)).sum(true, 1).mean();
        return kl.mul(temperature * temperature);
    }

    /** Binary cross-entropy with logits for multi-label targets y [N, K] in {0,1}, mean over N and K. */
    public static SDVariable binaryCrossEntropy(SameDiff sd, SDVariable logits, SDVariable targets) {
        // max(z,0) - z*y + log(1 + exp(-|z|)): the numerically stable form
        SDVariable relu = sd.nn.relu(logits, 0);
        SDVariable softplus = sd.math.log(sd.math.exp(sd.math.abs(logits).neg()).add(1.0));
        return relu.sub(logits.mul(targets)).add(softplus).mean();
    }

    /**
     * Multi-label distillation: T^2 * mean over N and K of the Bernoulli KL between teacher probabilities and
     * sigmoid(z / T).
     */
    public static SDVariable binaryDistillationKl(SameDiff sd, SDVariable studentLogits, SDVariable teacherProbs,
                                                  double temperature) {
        SDVariable ce = binaryCrossEntropy(sd, studentLogits.div(temperature), teacherProbs);
        SDVariable p = teacherProbs.add(1e-7).mul(1 - 2e-7);
        SDVariable entropy = p.mul(sd.math.log(p)).add(p.rsub(1.0).mul(sd.math.log(p.rsub(1.0)))).mean().neg();
        return ce.sub(entropy).mul(temperature * temperature);
    }

    /**
     * Hinton KD from teacher logits in the same graph: T^2 * mean_n KL(softmax(z_t / T) || softmax(z_s / T)).
     * The teacher side is cut from the gradient.
     */
    public static SDVariable hintonKd(SameDiff sd, SDVariable studentLogits, SDVariable teacherLogits, double temperature) {
        SDVariable logTeacher = stopGradient(sd, logSoftmax(sd, teacherLogits.div(temperature)));
        return distillationKl(sd, studentLogits, sd.math.exp(logTeacher), logTeacher, temperature);
    }

    /** Feature matching: mean over N and D of (a - b)^2; b is usually a detached teacher feature. */
    public static SDVariable featureMatching(SameDiff sd, SDVariable a, SDVariable b) {
        return sd.math.square(a.sub(b)).mean();
    }

    /** Linear-kernel MMD^2 between two feature batches [N, D]: ||mean_n a - mean_n b||^2. */
    public static SDVariable linearMmd(SameDiff sd, SDVariable a, SDVariable b) {
        return sd.math.square(a.mean(true, 0).sub(b.mean(true, 0))).sum();
    }

    /**
     * Class-conditional linear MMD^2: sum over classes c of ||mean(a | y=c) - mean(b | y=c)||^2, with y one-hot
     * [N, K] shared by both batches (paired samples). A class absent from the batch adds 0.
     */
    public static SDVariable classConditionalMmd(SameDiff sd, SDVariable a, SDVariable b, SDVariable oneHot) {
        SDVariable counts = oneHot.sum(false, 0).reshape(-1, 1).add(1e-8); // [K, 1]
        SDVariable diff = sd.mmul(oneHot, a.sub(b), true, false, false); // [K, D] per-class sums of a - b
        return sd.math.square(diff.div(counts)).sum();
    }

    /** The identity in the forward pass with no gradient flowing back (sg in the papers' notation). */
    public static SDVariable stopGradient(SameDiff sd, SDVariable x) {
        return new StopGradient(sd, x).outputVariable();
    }

    /**
     * Cross-entropies of several classification tasks whose logits sit side by side in one row ([N, L]; task t owns
     * the columns where {@code groups} [L, G] has a 1), summed over tasks, mean over N: the same value as slicing
     * each task and calling {@link #crossEntropy}, in a dozen graph ops instead of a dozen per task (SameDiff's
     * per-op cost dominates small models). The shift is the row max, cut from the gradient (log-sum-exp does not
     * depend on it); a task more than ~80 below the row max would underflow and is floored at 1e-30.
     */
    public static SDVariable groupedCrossEntropy(SameDiff sd, SDVariable logits, SDVariable targets, SDVariable groups) {
        SDVariable shifted = logits.sub(stopGradient(sd, logits.max(true, 1)));
        SDVariable sums = sd.mmul(sd.math.exp(shifted), groups);                     // [N, G]
        SDVariable lse = sd.mmul(sd.math.log(sums.add(1e-30)), groups, false, true, false); // [N, L]
        return targets.mul(shifted.sub(lse)).sum(true, 1).mean().neg();
    }
}
