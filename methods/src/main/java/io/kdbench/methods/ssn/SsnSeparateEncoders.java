package io.kdbench.methods.ssn;

import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;

/**
 * SSN's parameter-hungry counterpart: a separate encoder of the same width per view and a cross-attention module
 * per direction; heads and biased loss as in SSN, so the difference is the sharing alone.
 */
public class SsnSeparateEncoders extends SsnRow {

    @Override
    public String id() {
        return "ssn-separate-encoders";
    }

    @Override
    public String summary() {
        return "SSN baseline: two separate encoders of the same width, per-direction cross-attention, same heads and loss";
    }

    @Override
    public String describe() {
        return summary() + ". The unshared design that " + PAPER + " compares against (about twice the encoder"
                + " parameters).";
    }

    @Override
    public ParamSpec parameters() {
        return super.parameters().and(lossWeights());
    }

    @Override
    DualViewNetwork.Config config(Params p) {
        return new DualViewNetwork.Config(false, DualViewNetwork.CrossAttention.PER_DIRECTION, widths(p),
                p.getInt("heads"), new double[] {p.getDouble("w_clinical"), p.getDouble("w_dermoscopy"), p.getDouble("w_fusion")});
    }
}
