package io.kdbench.methods.ssn;

import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;

/** SSN: one encoder for both views, one shared cross-attention per stage, the prior-inspired biased loss. */
public class Ssn extends SsnRow {

    @Override
    public String id() {
        return "ssn";
    }

    @Override
    public String summary() {
        return "SSN: single shared encoder for clinical + dermoscopy, shared cross-attention, dermoscopy-biased loss";
    }

    @Override
    public String describe() {
        return "Paper: " + PAPER + ". Follows the paper (abstract): encoder parameters shared by the clinical and"
                + " dermoscopy images with modality-specific classifiers; one shared cross-attention module (same"
                + " weights in both directions) interacting at several scales; a biased loss weighting dermoscopy above"
                + " clinical. Assumed: a 3-stage CNN (conv-GroupNorm-ReLU-pool, widths 8/16/32) instead of ResNet-50/Swin-T,"
                + " no pretraining; cross-attention f_c += MHA(f_c, f_d), f_d += MHA(f_d, f_c) after stages 2 and 3;"
                + " heads clinical, dermoscopy and fusion (concat) with loss weights w_c 0.5, w_d 1.0, w_f 1.0;"
                + " prediction = the same weighted average of the heads' diagnosis probabilities; the seven-point"
                + " attributes (privileged tabular here) are further tasks of every head, as SSN's 8 tasks, predicted"
                + " at test by the same weighted average and scored by accuracy[tasks], the paper's 8-task average"
                + " accuracy (the paper's inference rule is not known: weighted average or fusion head only). The"
                + " paper's ablations as parameters: w_clinical = w_dermoscopy = w_fusion = 1 is the unbiased loss (plain"
                + " equal-weight CE, the weights' form being assumed); cross_attention: false removes the shared"
                + " cross-attention (the views meet only in the fusion head), same encoder, heads and loss.";
    }

    @Override
    public ParamSpec parameters() {
        return super.parameters().and(lossWeights()).and(
                Param.of("cross_attention", true, "the shared cross-attention between the views; false: the paper's"
                        + " ablation without it"));
    }

    @Override
    DualViewNetwork.Config config(Params p) {
        DualViewNetwork.CrossAttention attention = p.getBoolean("cross_attention")
                ? DualViewNetwork.CrossAttention.SHARED : DualViewNetwork.CrossAttention.NONE;
        return new DualViewNetwork.Config(true, attention, widths(p), p.getInt("heads"),
                new double[] {p.getDouble("w_clinical"), p.getDouble("w_dermoscopy"), p.getDouble("w_fusion")});
    }
}
