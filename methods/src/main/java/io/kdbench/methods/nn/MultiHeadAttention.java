package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Multi-head dot-product attention written by hand (SameDiff M2.1's built-in one fails in backward,
 * dl4j-notes.md). Its weights are created once and every {@link #apply} shares them: self-attention in the ViT,
 * and one cross-attention module used in both directions between two token streams (SSN).
 */
public final class MultiHeadAttention {
    private final SameDiff sd;
    private final int width;
    private final int heads;
    private final Layers.Dense q;
    private final Layers.Dense k;
    private final Layers.Dense v;
    private final Layers.Dense proj;

    /** Projections named {@code prefix + "q" / "k" / "v" / "proj"}; width must be divisible by heads. */
    public MultiHeadAttention(Layers layers, String prefix, int width, int heads) {
        if (width % heads != 0) {
            throw new IllegalArgumentException("attention width " + width + " is not divisible by heads " + heads);
        }
        this.sd = layers.sd();
        this.width = width;
        this.heads = heads;
        q = layers.denseWeights(prefix + "q", width, width);
        k = layers.denseWeights(prefix + "k", width, width);
        v = layers.denseWeights(prefix + "v", width, width);
        proj = layers.denseWeights(prefix + "proj", width, width);
    }

    /**
     * Queries [B*tq, D] attend to keys/values [B*tk, D]; returns [B*tq, D]. The softmax [B, heads, tq, tk] is
     * named {@code mapName} (null: unnamed).
     */
    public SDVariable apply(SDVariable queries, int tq, SDVariable keysValues, int tk, String mapName) {
        int dh = width / heads;
        SDVariable qh = split(q.apply(queries), tq, dh);
        SDVariable kh = split(k.apply(keysValues), tk, dh);
        SDVariable vh = split(v.apply(keysValues), tk, dh);
        SDVariable scores = sd.mmul(qh, kh, false, true, false).mul(1.0 / Math.sqrt(dh));
        SDVariable att = mapName == null ? sd.nn.softmax(scores, -1) : sd.nn.softmax(mapName, scores, -1);
        SDVariable out = sd.mmul(att, vh).permute(0, 2, 1, 3).reshape(-1, width);
        return proj.apply(out);
    }

    /** Parameters: four width x width projections with biases. */
    public static long parameterCount(int width) {
        return 4L * ((long) width * width + width);
    }

    /** [B*T, D] -> [B, H, T, dh]. */
    private SDVariable split(SDVariable x, int t, int dh) {
        return x.reshape(-1, t, heads, dh).permute(0, 2, 1, 3);
    }
}
