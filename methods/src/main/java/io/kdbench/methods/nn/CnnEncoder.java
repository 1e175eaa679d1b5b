package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The small CNN encoder shared by the CNN-based methods (and the ViT's conv stem): stages of (3x3 convolution of
 * stride 2, group norm, ReLU), widths given per stage, for square images of a known side. Stride-2 convolutions
 * halve the side as in ResNet's downsampling and the ViT stem of Xiao et al. 2021; an earlier version convolved
 * at full resolution and max-pooled, which did four times the convolution and normalisation work: its ViT step
 * took 4.7x as long (bench/step-table: 201 ms against 43 ms median, quick size). Weights are created once; {@link #stage}
 * and {@link #apply} can run on several inputs with the same weights (an encoder shared between modalities, as in
 * SSN).
 */
public final class CnnEncoder {
    private final ConvLayers conv;
    private final int inChannels;
    private final int side;
    private final int[] widths;
    private final ConvLayers.StridedConv2d[] stages;
    /** The learned pooling's weights, or null for the global average. */
    private final Layers.Dense positions;

    /** Global-average pooling; see {@link #CnnEncoder(ConvLayers, String, int, int[], int, Pooling)}. */
    public CnnEncoder(ConvLayers conv, String prefix, int inChannels, int[] widths, int side) {
        this(conv, prefix, inChannels, widths, side, Pooling.AVERAGE);
    }

    /**
     * Convolutions named {@code prefix + "s" + i} (the learned pooling {@code prefix + "pool"}); images are
     * {@code side x side}, divisible by 2^stages.
     */
    public CnnEncoder(ConvLayers conv, String prefix, int inChannels, int[] widths, int side, Pooling pooling) {
        if (widths.length == 0) {
            throw new IllegalArgumentException("a CNN encoder needs at least one stage");
        }
        outSide(side, widths.length);
        this.conv = conv;
        this.inChannels = inChannels;
        this.side = side;
        this.widths = widths.clone();
        this.stages = new ConvLayers.StridedConv2d[widths.length];
        int in = inChannels;
        for (int i = 0; i < widths.length; i++) {
            stages[i] = conv.stridedConv2dWeights(prefix + "s" + i, in, widths[i], 3);
            in = widths[i];
        }
        int s = side >> widths.length;
        int out = widths[widths.length - 1];
        positions = pooling == Pooling.LEARNED ? conv.layers().denseWeights(prefix + "pool", out * s * s, out) : null;
    }

    /** Stage i: [B, in, s, s] -> [B, widths[i], s/2, s/2], s = side / 2^i. */
    public SDVariable stage(int i, SDVariable x) {
        SameDiff sd = stages[i].sd();
        int s = side >> (i + 1);
        return sd.nn.relu(conv.groupNorm(stages[i].apply(x), widths[i], s, s), 0);
    }

    /** All stages: the final feature map [B, outWidth, side/2^n, side/2^n]. */
    public SDVariable apply(SDVariable x) {
        for (int i = 0; i < stages.length; i++) {
            x = stage(i, x);
        }
        return x;
    }

    /** How the final feature map becomes the feature vector [B, outWidth]. */
    public enum Pooling {
        /** Global average over positions: blind to where in the image a feature is. */
        AVERAGE,
        /**
         * A learned linear map of the whole flattened map (outWidth x s x s values, s = side / 2^stages) to outWidth:
         * a pooling that can weigh positions, as a linear model on pixels does.
         */
        LEARNED
    }

    /** The final feature map as a vector [B, outWidth]. */
    public SDVariable pooled(SDVariable x) {
        SDVariable map = apply(x);
        if (positions == null) {
            return conv.globalAverage(map, false);
        }
        int s = side >> widths.length;
        return positions.apply(map.reshape(-1, (long) outWidth() * s * s));
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

    /** Side of the feature map after {@code stages} stages (each halves it); the input side must be divisible. */
    public static int outSide(int side, int stages) {
        if (side % (1 << stages) != 0) {
            throw new IllegalArgumentException("image side " + side + " is not divisible by 2^" + stages
                    + " (each stage halves it); change the dataset size or the number of stages");
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
