package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The small CNN encoder shared by the CNN-based methods: stages of (3x3 convolution, ReLU, 2x max pooling), widths
 * given per stage. Weights are created once; {@link #stage} and {@link #apply} can run on several inputs with the
 * same weights (an encoder shared between modalities, as in SSN).
 */
public final class CnnEncoder {
    private final ConvLayers conv;
    private final int inChannels;
    private final int[] widths;
    private final ConvLayers.Conv2d[] stages;

    /** Convolutions named {@code prefix + "s" + i}. */
    public CnnEncoder(ConvLayers conv, String prefix, int inChannels, int[] widths) {
        if (widths.length == 0) {
            throw new IllegalArgumentException("a CNN encoder needs at least one stage");
        }
        this.conv = conv;
        this.inChannels = inChannels;
        this.widths = widths.clone();
        this.stages = new ConvLayers.Conv2d[widths.length];
        int in = inChannels;
        for (int i = 0; i < widths.length; i++) {
            stages[i] = conv.conv2dWeights(prefix + "s" + i, in, widths[i], 3);
            in = widths[i];
        }
    }

    /** Stage i: [B, in, H, W] -> [B, widths[i], H/2, W/2]. */
    public SDVariable stage(int i, SDVariable x) {
        SameDiff sd = stages[i].sd();
        return conv.pool(sd.nn.relu(stages[i].apply(x), 0), false);
    }

    /** All stages: the final feature map [B, outWidth, H/2^n, W/2^n]. */
    public SDVariable apply(SDVariable x) {
        for (int i = 0; i < stages.length; i++) {
            x = stage(i, x);
        }
        return x;
    }

    /** The final feature map, globally averaged: [B, outWidth]. */
    public SDVariable pooled(SDVariable x) {
        return conv.globalAverage(apply(x), false);
    }

    public int stages() {
        return stages.length;
    }

    public int width(int stage) {
        return widths[stage];
    }

    public int outWidth() {
        return widths[widths.length - 1];
    }

    public long parameterCount() {
        long n = 0;
        int in = inChannels;
        for (int w : widths) {
            n += 9L * in * w + w;
            in = w;
        }
        return n;
    }

    /** Side of the feature map after {@code stages} stages (each pools by 2); the input side must be divisible. */
    public static int outSide(int side, int stages) {
        if (side % (1 << stages) != 0) {
            throw new IllegalArgumentException("image side " + side + " is not divisible by 2^" + stages
                    + " (one pooling per stage); change the dataset size or the number of stages");
        }
        return side >> stages;
    }

    /** Feature map [B, C, h, w] -> tokens [B*h*w, C] (positions in row-major order). */
    public static SDVariable toTokens(SDVariable map, int channels) {
        return map.permute(0, 2, 3, 1).reshape(-1, channels);
    }

    /** Tokens [B*h*w, C] -> feature map [B, C, h, w]. */
    public static SDVariable fromTokens(SDVariable tokens, int channels, int h, int w) {
        return tokens.reshape(-1, h, w, channels).permute(0, 3, 1, 2);
    }
}
