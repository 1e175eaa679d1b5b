package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling3DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolution building blocks in SameDiff (channels-first, "same" padding), shared by the CNN encoders and the
 * 2-D / 3-D U-Nets. Weights are He-initialised from the model's {@link Init}. SameDiff is used rather than the
 * layers API because only SameDiff reaches the oneDNN convolutions (dl4j-notes.md).
 */
public final class ConvLayers {
    /** The epsilon of {@link #groupNorm(SDVariable, int)} (PyTorch's default, which the twin in bench/pytorch uses). */
    public static final double GROUP_NORM_EPS = 1e-5;

    private final SameDiff sd;
    private final Init init;
    private final Layers layers;

    public ConvLayers(Layers layers, Init init) {
        this.sd = layers.sd();
        this.init = init;
        this.layers = layers;
    }

    public Layers layers() {
        return layers;
    }

    /** k x k convolution, stride 1, same padding: x [B, in, H, W] -> [B, out, H, W]. Weights [k, k, in, out]. */
    public SDVariable conv2d(String name, SDVariable x, int in, int out, int k) {
        return convWith(x, weight(name, in, out, k, false), sd.var(name + "_b", Init.zeros(out)), k, false);
    }

    /** k^3 convolution, stride 1, same padding: x [B, in, D, H, W] -> [B, out, D, H, W]. Weights [k, k, k, in, out]. */
    public SDVariable conv3d(String name, SDVariable x, int in, int out, int k) {
        return convWith(x, weight(name, in, out, k, true), sd.var(name + "_b", Init.zeros(out)), k, true);
    }

    /** A He-initialised convolution kernel variable {@code name_W}: [k, k, in, out] or [k, k, k, in, out]. */
    public SDVariable weight(String name, int in, int out, int k, boolean threeD) {
        return threeD ? sd.var(name + "_W", init.he((long) k * k * k * in, k, k, k, in, out))
                : sd.var(name + "_W", init.he((long) k * k * in, k, k, in, out));
    }

    /**
     * Same-padded stride-1 convolution with existing weights, so one set of weights can be applied to several
     * inputs (a student's labelled and unlabelled batches, or a shared encoder feeding two decoders).
     */
    public SDVariable convWith(SDVariable x, SDVariable w, SDVariable b, int k, boolean threeD) {
        return convolve(sd, x, w, b, k, threeD);
    }

    /**
     * A k x k convolution of stride 2, to apply to several inputs (an encoder shared between modalities): it halves
     * an even side, with padding k/2 on every side as PyTorch's.
     */
    public StridedConv2d stridedConv2dWeights(String name, int in, int out, int k) {
        SDVariable w = weight(name, in, out, k, false);
        return new StridedConv2d(sd, w, sd.var(name + "_b", Init.zeros(out)), k);
    }

    /** Stride-2 k x k convolution weights; every application shares them (gradients add up). */
    public record StridedConv2d(SameDiff sd, SDVariable w, SDVariable b, int k) {
        public SDVariable apply(SDVariable x) {
            return sd.cnn.conv2d(x, w, b, Conv2DConfig.builder().kH(k).kW(k).sH(2).sW(2).pH(k / 2).pW(k / 2)
                    .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build());
        }
    }

    private static SDVariable convolve(SameDiff sd, SDVariable x, SDVariable w, SDVariable b, int k, boolean threeD) {
        if (threeD) {
            return sd.cnn.conv3d(x, w, b, Conv3DConfig.builder().kD(k).kH(k).kW(k).sD(1).sH(1).sW(1)
                    .paddingMode(PaddingMode.SAME).dataFormat("NCDHW").build());
        }
        return sd.cnn.conv2d(x, w, b, Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
    }

    /** 2x nearest-neighbour upsampling per spatial axis (the U-Net decoder's way up). */
    public SDVariable upsample(SDVariable x, boolean threeD) {
        return threeD ? sd.cnn.upsampling3d(x, true, 2, 2, 2) : sd.cnn.upsampling2d(x, 2, 2, true);
    }

    /** Two 3x3 (or 3x3x3) convolutions with ReLU: the U-Net / CNN block. */
    public SDVariable block(String name, SDVariable x, int in, int out, boolean threeD) {
        SDVariable h = sd.nn.relu(threeD ? conv3d(name + "_c1", x, in, out, 3) : conv2d(name + "_c1", x, in, out, 3), 0);
        return sd.nn.relu(threeD ? conv3d(name + "_c2", h, out, out, 3) : conv2d(name + "_c2", h, out, out, 3), 0);
    }

    /**
     * Group normalisation (Wu & He 2018) of a 2-D feature map x [B, C, h, w] without a learned affine: each sample's
     * channels in {@link #groups(int)} groups, each group standardised over its channels and positions (ND4J's
     * standardize op, which maps a constant group to 0). Unlike batch norm it is the same at training and at
     * inference and does not depend on the batch, so a cell's numbers do not depend on how it was batched. The
     * per-channel scale and shift of the paper are left out: the convolution that follows can rescale, and the
     * broadcast multiply-add cost as much as the convolutions themselves in these small networks (measured: a
     * 32 px conv stem step 46 ms without normalisation, 53 ms with this one, 84 ms with a learned affine).
     */
    public SDVariable groupNorm(SDVariable x, int channels, int h, int w) {
        long perGroup = (long) channels / groups(channels) * h * w;
        return sd.math.standardize(x.reshape(-1, perGroup), 1).reshape(-1, channels, h, w);
    }

    /**
     * Group norm of a map x [B, C, spatial...] of any rank whose spatial size is known only at run time (the U-Nets'
     * placeholders leave it open): x is viewed as [B, groups, rest] through its run-time shape and each group
     * standardised over its channels and positions, (x - mean) / sqrt(var + 1e-5) (biased variance, PyTorch's
     * default epsilon). Written as mean / variance ops, not {@code standardize}: on a 2-D U-Net's full-resolution
     * maps (4 x 8 x 32 x 32) a 4-conv stack trained at 30 ms/step without a norm, 53 ms with these ops, 118 ms
     * with {@code standardize} and 113 ms with these ops on a [B x groups, rest] view (jshell, one thread).
     */
    public SDVariable groupNorm(SDVariable x, int channels) {
        SDVariable shape = x.shape();
        SDVariable grouped = sd.concat(0, shape.get(SDIndex.interval(0, 1)),
                sd.constant(Nd4j.createFromArray((long) groups(channels), -1L).castTo(shape.dataType())));
        SDVariable g = x.reshape(grouped);
        SDVariable centred = g.sub(g.mean(true, 2));
        return centred.mul(sd.math.rsqrt(centred.mul(centred).mean(true, 2).add(GROUP_NORM_EPS))).reshape(shape);
    }

    /** Groups of a group norm over {@code channels}: 4 where 4 divides them (the small widths here), else 1. */
    public static int groups(int channels) {
        return channels % 4 == 0 ? 4 : 1;
    }

    /** 2x max pooling (per spatial axis). */
    public SDVariable pool(SDVariable x, boolean threeD) {
        if (threeD) {
            return sd.cnn.maxPooling3d(x, Pooling3DConfig.builder().kD(2).kH(2).kW(2).sD(2).sH(2).sW(2)
                    .isNCDHW(true).build());
        }
        return sd.cnn.maxPooling2d(x, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build());
    }

    /** Global average over the spatial axes: [B, C, ...] -> [B, C]. */
    public SDVariable globalAverage(SDVariable x, boolean threeD) {
        return threeD ? x.mean(2, 3, 4) : x.mean(2, 3);
    }
}
