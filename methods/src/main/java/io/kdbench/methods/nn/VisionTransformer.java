package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.ArrayList;
import java.util.List;

/**
 * A small ViT encoder: patch embedding, a CLS token, learned position embeddings and pre-norm blocks whose
 * multi-head attention is written by hand (SameDiff's built-in one fails in backward, dl4j-notes.md) so
 * that every block's attention map is a named, readable output.
 *
 * <p>Input: {@code [B, T, patchDim]} where T = 1 + number of patches and token 0 is all zeros (see
 * {@link Patches}). Its embedding is then the bias plus position 0's embedding, i.e. a learned CLS token:
 * equivalent to the usual concatenated CLS parameter without tiling it to the batch size.
 */
public final class VisionTransformer {

    /**
     * @param patch    patch side in pixels
     * @param width    embedding width D
     * @param depth    number of blocks
     * @param heads    attention heads (D divisible by heads)
     * @param mlpRatio MLP hidden width as a multiple of D
     */
    public record Config(int patch, int width, int depth, int heads, int mlpRatio) {
        public Config {
            if (width % heads != 0) {
                throw new IllegalArgumentException("ViT width " + width + " is not divisible by heads " + heads);
            }
        }
    }

    /**
     * @param cls        the final (normed) CLS feature [B, D]
     * @param tokens     all final token features [B*T, D]
     * @param attention  names of the attention maps [B, heads, T, T], one per block, first to last
     */
    public record Encoded(SDVariable cls, SDVariable tokens, List<String> attention) {
    }

    private VisionTransformer() {
    }

    public static Encoded build(Layers layers, String prefix, SDVariable input, int tokenCount, int patchDim, Config c) {
        SameDiff sd = layers.sd();
        int d = c.width();
        SDVariable flat = input.reshape(-1, patchDim);
        SDVariable x = layers.dense(prefix + "embed", flat, patchDim, d).reshape(-1, tokenCount, d);
        SDVariable pos = sd.var(prefix + "pos", new Init(prefix.hashCode()).normal(0.02, 1, tokenCount, d));
        x = x.add(pos).reshape(-1, d);
        List<String> maps = new ArrayList<>();
        for (int b = 0; b < c.depth(); b++) {
            String p = prefix + "block" + b + "_";
            SDVariable attnIn = layers.layerNorm(p + "ln1", x, d);
            SDVariable attnOut = attention(layers, p, attnIn, tokenCount, c, prefix + "attn" + b);
            maps.add(prefix + "attn" + b);
            x = x.add(attnOut);
            SDVariable mlpIn = layers.layerNorm(p + "ln2", x, d);
            SDVariable hidden = sd.nn.gelu(layers.dense(p + "fc1", mlpIn, d, d * c.mlpRatio()));
            x = x.add(layers.dense(p + "fc2", hidden, d * c.mlpRatio(), d));
        }
        SDVariable normed = layers.layerNorm(prefix + "ln_final", x, d);
        SDVariable cls = normed.reshape(-1, tokenCount, d).get(SDIndex.all(), SDIndex.point(0), SDIndex.all());
        return new Encoded(cls, normed, maps);
    }

    /** Multi-head self-attention over x [B*T, D]; the softmax output is named {@code mapName}. */
    static SDVariable attention(Layers layers, String p, SDVariable x, int t, Config c, String mapName) {
        return new MultiHeadAttention(layers, p, c.width(), c.heads()).apply(x, t, x, t, mapName);
    }

}
