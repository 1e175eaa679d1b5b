package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A small 2-D or 3-D U-Net whose weights are created once (under a name prefix) and can be applied to several
 * inputs: encoder levels of width {@code width * 2^l} with blocks of two 3x3(x3) convs with leaky ReLU (in 2-D a group
 * norm before the second ReLU) and 2x max pooling,
 * a bottleneck, and decoders (nearest upsampling, skip concatenation, conv block, 1x1 classifier). Several
 * decoders may share one encoder (HDC's main and noisy decoders). Every level's feature map is readable.
 */
public final class UNet {

    /** Shape of the network. {@code levels} resolutions, so {@code levels - 1} poolings. */
    public record Config(int inChannels, int classes, int width, int levels, boolean threeD) {
        public Config {
            if (inChannels < 1 || classes < 2 || width < 1 || levels < 2) {
                throw new IllegalArgumentException("U-Net needs inChannels >= 1, classes >= 2, width >= 1, levels >= 2;"
                        + " got " + inChannels + ", " + classes + ", " + width + ", " + levels);
            }
        }

        public int channels(int level) {
            return width << level;
        }

        /** Spatial size must be divisible by this along each axis. */
        public int divisor() {
            return 1 << (levels - 1);
        }
    }

    /** Encoder output: skip features per level (finest first) and the bottleneck. */
    public record Encoded(List<SDVariable> skips, SDVariable bottleneck) {
    }

    /**
     * Decoder output: features from the bottleneck up to the finest decoder level (coarsest first), and logits
     * [B, K, spatial...].
     */
    public record Decoded(List<SDVariable> features, SDVariable logits) {
    }

    private final Config config;
    private final ConvLayers conv;
    private final String prefix;
    private final List<Conv> encoder = new ArrayList<>();
    private final List<String> decoders = new ArrayList<>();
    private final List<List<Conv>> decoderWeights = new ArrayList<>();

    private record Conv(SDVariable w, SDVariable b, int k, int out) {
    }

    /** Creates the encoder's weights as {@code prefix_enc...}; decoders are added with {@link #addDecoder}. */
    public UNet(SameDiff sd, Init init, Config config, String prefix) {
        this.config = config;
        this.conv = new ConvLayers(new Layers(sd, init), init);
        this.prefix = prefix;
        int in = config.inChannels();
        for (int l = 0; l < config.levels(); l++) {
            int out = config.channels(l);
            encoder.add(conv(prefix + "_enc" + l + "_c1", in, out, 3, sd));
            encoder.add(conv(prefix + "_enc" + l + "_c2", out, out, 3, sd));
            in = out;
        }
    }

    private Conv conv(String name, int in, int out, int k, SameDiff sd) {
        return new Conv(conv.weight(name, in, out, k, config.threeD()), sd.var(name + "_b", Init.zeros(out)), k, out);
    }

    /** Creates a decoder's weights as {@code prefix_<name>...} and returns its index. */
    public int addDecoder(SameDiff sd, String name) {
        List<Conv> w = new ArrayList<>();
        for (int l = config.levels() - 2; l >= 0; l--) {
            int in = config.channels(l + 1) + config.channels(l);
            w.add(conv(prefix + "_" + name + l + "_c1", in, config.channels(l), 3, sd));
            w.add(conv(prefix + "_" + name + l + "_c2", config.channels(l), config.channels(l), 3, sd));
        }
        w.add(conv(prefix + "_" + name + "_out", config.channels(0), config.classes(), 1, sd));
        decoders.add(name);
        decoderWeights.add(w);
        return decoders.size() - 1;
    }

    public Config config() {
        return config;
    }

    public String prefix() {
        return prefix;
    }

    public Encoded encode(SDVariable x) {
        List<SDVariable> skips = new ArrayList<>();
        SDVariable h = x;
        for (int l = 0; l < config.levels(); l++) {
            if (l > 0) {
                h = conv.pool(h, config.threeD());
            }
            h = block(h, encoder.get(2 * l), encoder.get(2 * l + 1));
            if (l < config.levels() - 1) {
                skips.add(h);
            }
        }
        return new Encoded(skips, h);
    }

    /**
     * Runs decoder {@code index} on an encoding. {@code perturb} (may be null) is applied to the bottleneck
     * before decoding: HDC's noisy decoder sees perturbed features, the main decoder clean ones.
     */
    public Decoded decode(int index, Encoded e, UnaryOperator<SDVariable> perturb) {
        List<Conv> w = decoderWeights.get(index);
        SDVariable h = perturb == null ? e.bottleneck() : perturb.apply(e.bottleneck());
        List<SDVariable> features = new ArrayList<>();
        features.add(h);
        int i = 0;
        for (int l = config.levels() - 2; l >= 0; l--) {
            SDVariable up = conv.upsample(h, config.threeD());
            SDVariable cat = conv.layers().sd().concat(1, up, e.skips().get(l));
            h = block(cat, w.get(i), w.get(i + 1));
            features.add(h);
            i += 2;
        }
        Conv out = w.get(i);
        return new Decoded(features, conv.convWith(h, out.w(), out.b(), out.k(), config.threeD()));
    }

    /**
     * Conv, leaky ReLU, conv, group norm, leaky ReLU (2-D; the 3-D net has no norm). Without the norm the quick
     * grid's 2-D seg-supervised row sat at the all-background mask on one seed of three (validation Dice 0 for the
     * first 90 of 150 steps) and HDC on another. One norm a block, not one a conv: in ND4J the norm's broadcasts
     * cost about as much as a convolution at these widths (a 4-conv 2-D stack: 30 ms a step without a norm, 53 ms
     * with one after every conv). The 3-D net is left without it because there it made things worse: on
     * knee-mr-federated (seed 1, 60 steps) seg-supervised reached Dice 0.14 and FedAvg 0.26 at 16 x 24 x 24, and
     * seg-supervised at lr 0.01 or 0.02 predicted background only, where the quick baseline without it scored 0.86.
     */
    private SDVariable block(SDVariable x, Conv c1, Conv c2) {
        SDVariable h = leaky(conv.convWith(x, c1.w(), c1.b(), c1.k(), config.threeD()));
        h = conv.convWith(h, c2.w(), c2.b(), c2.k(), config.threeD());
        return leaky(config.threeD() ? h : conv.groupNorm(h, c2.out()));
    }

    /**
     * Leaky ReLU (slope 0.01): with plain ReLU and 8 channels at the first level, one of three seeds of the quick
     * fetal-US run started with units that never fired and stayed at the all-background mask (Dice 0.00 after 150
     * steps, against 0.70 with the leaky slope).
     */
    private SDVariable leaky(SDVariable x) {
        return conv.layers().sd().nn.leakyRelu(x, 0.01);
    }

    /** Names of this network's variables whose name starts with {@code prefix_} plus the given part. */
    public static List<String> variables(SameDiff sd, String namePrefix) {
        return sd.variables().stream()
                .filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .map(SDVariable::name).filter(n -> n.startsWith(namePrefix)).toList();
    }
}
