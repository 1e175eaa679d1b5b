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

    /** How image patches become tokens. */
    public enum Stem {
        /** A linear embedding of each flattened patch (the original ViT). */
        PATCH,
        /**
         * log2(patch) stages of 3x3 convolution of stride 2, group norm and ReLU, the last of width D, each
         * output position a token (Xiao et al. 2021, "Early convolutions help transformers see better", whose stem
         * is stride-2 3x3 convolutions with batch norm; group norm here, see {@link ConvLayers#groupNorm}): the
         * locality a ViT lacks on a few hundred training images.
         */
        CONV
    }

    /**
     * @param patch    patch side in pixels (with the conv stem: the stem's total stride, a power of 2)
     * @param width    embedding width D
     * @param depth    number of blocks
     * @param heads    attention heads (D divisible by heads)
     * @param mlpRatio MLP hidden width as a multiple of D
     * @param stem     how patches become tokens
     */
    public record Config(int patch, int width, int depth, int heads, int mlpRatio, Stem stem) {
        public Config {
            if (width % heads != 0) {
                throw new IllegalArgumentException("ViT width " + width + " is not divisible by heads " + heads);
            }
            if (stem == Stem.CONV && (patch < 2 || Integer.bitCount(patch) != 1)) {
                throw new IllegalArgumentException("patch must be a power of 2 >= 2 with the conv stem, got " + patch);
            }
        }

        public Config(int patch, int width, int depth, int heads, int mlpRatio) {
            this(patch, width, depth, heads, mlpRatio, Stem.PATCH);
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

    /** From patch tokens [B, T, patchDim] (token 0 all zeros, see {@link Patches}) through a linear embedding. */
    public static Encoded build(Layers layers, String prefix, SDVariable input, int tokenCount, int patchDim, Config c) {
        SDVariable flat = input.reshape(-1, patchDim);
        SDVariable x = layers.dense(prefix + "embed", flat, patchDim, c.width()).reshape(-1, tokenCount, c.width());
        return encode(layers, prefix, x, tokenCount, c);
    }

    /**
     * From images [B, C, side, side] through the conv stem: (side / patch)^2 position tokens after a learned CLS
     * token.
     */
    public static Encoded buildConv(Layers layers, String prefix, SDVariable image, int channels, int side, Config c) {
        SameDiff sd = layers.sd();
        int d = c.width();
        int stages = Integer.numberOfTrailingZeros(c.patch());
        int[] widths = new int[stages];
        for (int i = 0; i < stages; i++) {
            widths[i] = Math.max(4, d >> (stages - 1 - i));
        }
        CnnEncoder stem = new CnnEncoder(new ConvLayers(layers, layers.init()), prefix + "stem_", channels, widths, side);
        int grid = side / c.patch();
        SDVariable positions = stem.apply(image).permute(0, 2, 3, 1).reshape(-1, grid * grid, d);
        SDVariable cls = sd.var(prefix + "cls", Init.zeros(1, 1, d));
        // the CLS parameter broadcast to the batch: a [B, 1, D] slice times 0, plus the parameter
        SDVariable clsRows = positions.get(SDIndex.all(), SDIndex.interval(0, 1), SDIndex.all()).mul(0).add(cls);
        return encode(layers, prefix, sd.concat(1, clsRows, positions), grid * grid + 1, c);
    }

    /** Position embeddings and the blocks over embedded tokens [B, T, D]. */
    static Encoded encode(Layers layers, String prefix, SDVariable x, int tokenCount, Config c) {
        SameDiff sd = layers.sd();
        int d = c.width();
        SDVariable pos = sd.var(prefix + "pos", layers.init().normal(0.02, 1, tokenCount, d));
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
