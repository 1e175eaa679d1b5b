package io.kdbench.methods.train;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * Host-side conversions between kdbench images / label maps and network tensors: inputs [B, C, H, W] or
 * [B, C, D, H, W], one-hot targets and probabilities channels-last [B, S, K] (S voxels per sample).
 */
public final class SegmentationTensors {
    private SegmentationTensors() {
    }

    /** Per-image z-scoring (all channels together), so sites with different gains look alike to the network. */
    public static Image standardise(Image im) {
        double sum = 0, sq = 0;
        for (float v : im.data()) {
            sum += v;
            sq += (double) v * v;
        }
        int n = im.data().length;
        double mean = sum / n, std = Math.sqrt(Math.max(sq / n - mean * mean, 0)) + 1e-6;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) ((im.data()[i] - mean) / std);
        }
        return new Image(out, im.channels(), im.depth(), im.height(), im.width(), im.spacing());
    }

    public static long[] inputShape(int batch, Image example, boolean threeD) {
        return threeD ? new long[] {batch, example.channels(), example.depth(), example.height(), example.width()}
                : new long[] {batch, example.channels(), example.height(), example.width()};
    }

    /** Stacks images of one shape into a network input. */
    public static INDArray input(List<Image> images, boolean threeD) {
        Image first = images.get(0);
        int per = first.data().length;
        float[] data = new float[images.size() * per];
        for (int i = 0; i < images.size(); i++) {
            Image im = images.get(i);
            if (im.data().length != per) {
                throw new IllegalArgumentException("images in a batch must share a shape: " + first + " vs " + im);
            }
            System.arraycopy(im.data(), 0, data, i * per, per);
        }
        return Nd4j.create(data, inputShape(images.size(), first, threeD), 'c');
    }

    /** One-hot targets [B, S, K] from label bytes (each array one sample). */
    public static INDArray oneHot(List<byte[]> labels, int classes) {
        int s = labels.get(0).length;
        float[] out = new float[labels.size() * s * classes];
        for (int b = 0; b < labels.size(); b++) {
            byte[] l = labels.get(b);
            for (int i = 0; i < s; i++) {
                int k = l[i] & 0xFF;
                if (k >= classes) {
                    throw new IllegalArgumentException("label " + k + " outside 0.." + (classes - 1));
                }
                out[(b * s + i) * classes + k] = 1f;
            }
        }
        return Nd4j.create(out, new long[] {labels.size(), s, classes}, 'c');
    }

    /** Softmax probabilities channels-last [B, S, K] from logits [B, K, spatial...]. */
    public static float[][][] probabilities(INDArray logits) {
        int b = (int) logits.size(0), k = (int) logits.size(1);
        int s = (int) (logits.length() / b / k);
        float[] flat = logits.reshape('c', b, k, s).dup('c').data().asFloat();
        float[][][] out = new float[b][s][k];
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < s; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, flat[(n * k + c) * s + i]);
                }
                double z = 0;
                for (int c = 0; c < k; c++) {
                    z += Math.exp(flat[(n * k + c) * s + i] - max);
                }
                for (int c = 0; c < k; c++) {
                    out[n][i][c] = (float) (Math.exp(flat[(n * k + c) * s + i] - max) / z);
                }
            }
        }
        return out;
    }

    public static INDArray tensor(float[][][] bsk) {
        int b = bsk.length, s = bsk[0].length, k = bsk[0][0].length;
        float[] out = new float[b * s * k];
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < s; i++) {
                System.arraycopy(bsk[n][i], 0, out, (n * s + i) * k, k);
            }
        }
        return Nd4j.create(out, new long[] {b, s, k}, 'c');
    }

    /** Arg-max label map per sample from probabilities [B, S, K], with each sample's geometry and spacing. */
    public static LabelMap argmax(float[][] sk, int depth, int height, int width, double[] spacing) {
        byte[] labels = new byte[sk.length];
        for (int i = 0; i < sk.length; i++) {
            int best = 0;
            for (int c = 1; c < sk[i].length; c++) {
                if (sk[i][c] > sk[i][best]) {
                    best = c;
                }
            }
            labels[i] = (byte) best;
        }
        return new LabelMap(labels, depth, height, width, spacing);
    }
}
