package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Small layer builders over SameDiff, shared by every network kdbench builds. Weights come from {@link Init}. */
public final class Layers {
    private final SameDiff sd;
    private final Init init;

    public Layers(SameDiff sd, Init init) {
        this.sd = sd;
        this.init = init;
    }

    public SameDiff sd() {
        return sd;
    }

    /** The generator every weight of this graph is drawn from (the cell's "init" stream). */
    public Init init() {
        return init;
    }

    /** x [N, in] -> [N, out] with weight W [in, out] and bias b [out]. */
    public SDVariable dense(String name, SDVariable x, int in, int out) {
        return denseWeights(name, in, out).apply(x);
    }

    /** A dense layer's weights, to apply to several inputs (shared modules such as a cross-attention). */
    public Dense denseWeights(String name, int in, int out) {
        SDVariable w = sd.var(name + "_W", init.xavier(in, out, in, out));
        SDVariable b = sd.var(name + "_b", Init.zeros(1, out));
        return new Dense(w, b);
    }

    /** Weight W [in, out] and bias b [1, out]; every application shares them (gradients add up). */
    public record Dense(SDVariable w, SDVariable b) {
        public SDVariable apply(SDVariable x) {
            return x.mmul(w).add(b);
        }
    }

    /** Layer norm over the last axis of a rank-2 input [N, D], with learned gain and bias. */
    public SDVariable layerNorm(String name, SDVariable x, int dim) {
        SDVariable gain = sd.var(name + "_g", Init.ones(dim));
        SDVariable bias = sd.var(name + "_beta", Init.zeros(dim));
        return sd.nn.layerNorm(x, gain, bias, false, 1);
    }
}
