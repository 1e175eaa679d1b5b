package io.kdbench.methods.ssn;

import io.kdbench.api.Params;

/** Late fusion: two separate encoders, no interaction, each view's classifier trained with equal weight; the
 *  prediction averages the two views' probabilities. */
public class SsnLateFusion extends SsnRow {

    @Override
    public String id() {
        return "ssn-late-fusion";
    }

    @Override
    public String summary() {
        return "SSN baseline: late fusion, separate encoders, no cross-attention, averaged per-view probabilities";
    }

    @Override
    public String describe() {
        return summary() + ". The simplest multi-modal baseline for " + PAPER + "; same encoders and tasks, unbiased.";
    }

    @Override
    DualViewNetwork.Config config(Params p) {
        return new DualViewNetwork.Config(false, DualViewNetwork.CrossAttention.NONE, widths(p), p.getInt("heads"),
                new double[] {1.0, 1.0, 0.0});
    }
}
