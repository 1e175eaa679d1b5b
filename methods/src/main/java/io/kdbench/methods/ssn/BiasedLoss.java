package io.kdbench.methods.ssn;

import io.kdbench.methods.nn.Losses;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * SSN's prior-inspired biased loss: sum over heads h (clinical, dermoscopy, fusion) of w_h * sum over tasks t of
 * CE(logits_h[t], y[t]), with w_dermoscopy > w_clinical because dermoscopy is known to carry more. Each head's
 * logits and the targets hold the tasks side by side: task t owns columns [offset_t, offset_t + size_t).
 */
public final class BiasedLoss {
    private BiasedLoss() {
    }

    public static SDVariable of(SameDiff sd, List<SDVariable> headLogits, double[] headWeights, int[] taskSizes,
                                SDVariable targets) {
        if (headLogits.size() != headWeights.length) {
            throw new IllegalArgumentException(headLogits.size() + " heads but " + headWeights.length + " weights");
        }
        SDVariable groups = sd.constant(groupMatrix(taskSizes));
        SDVariable total = null;
        for (int h = 0; h < headLogits.size(); h++) {
            if (headWeights[h] == 0) {
                continue;
            }
            SDVariable ce = Losses.groupedCrossEntropy(sd, headLogits.get(h), targets, groups).mul(headWeights[h]);
            total = total == null ? ce : total.add(ce);
        }
        if (total == null) {
            throw new IllegalArgumentException("every head weight is 0");
        }
        return total;
    }

    /** [L, G] membership of each logit column in its task. */
    static INDArray groupMatrix(int[] taskSizes) {
        int total = java.util.Arrays.stream(taskSizes).sum();
        float[][] m = new float[total][taskSizes.length];
        int offset = 0;
        for (int t = 0; t < taskSizes.length; t++) {
            for (int j = 0; j < taskSizes[t]; j++) {
                m[offset + j][t] = 1;
            }
            offset += taskSizes[t];
        }
        return Nd4j.createFromArray(m);
    }
}
