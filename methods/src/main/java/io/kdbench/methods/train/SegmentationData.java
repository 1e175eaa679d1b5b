package io.kdbench.methods.train;

import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.methods.augment.Augmenter;
import io.kdbench.methods.nn.SegmentationLosses;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A segmentation training pool, standardised once: every image (the unlabelled stream of semi-supervised
 * methods uses all of them) and the labelled subset with masks, drawn as augmented batches. Labelled batches
 * cycle through a seeded permutation, reshuffled after each pass, independently of the unlabelled order.
 */
public final class SegmentationData {
    private final List<Image> images = new ArrayList<>();
    private final List<Image> labelledImages = new ArrayList<>();
    private final List<byte[]> labelledMasks = new ArrayList<>();
    private final List<Integer> unlabelled = new ArrayList<>();
    private final int classes;
    private final boolean threeD;
    private final String modality;
    private final boolean diceBackground;
    private int[] order;
    private int cursor;

    public SegmentationData(List<Sample> samples, String modality, int classes, boolean threeD) {
        this(samples, modality, classes, threeD, true);
    }

    /**
     * @param diceBackground whether the supervised Dice term covers the background class too (false where the
     *                       dataset says its foreground is rare, {@link io.kdbench.api.DatasetInfo#rareForeground()})
     */
    public SegmentationData(List<Sample> samples, String modality, int classes, boolean threeD, boolean diceBackground) {
        this.diceBackground = diceBackground;
        this.classes = classes;
        this.threeD = threeD;
        this.modality = modality;
        for (Sample s : samples) {
            Image im = SegmentationTensors.standardise(s.image(modality));
            images.add(im);
            if (s.labelled() && s.mask() != null) {
                labelledImages.add(im);
                labelledMasks.add(s.mask().labels());
            } else {
                unlabelled.add(images.size() - 1);
            }
        }
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
    }

    /** Checks that every image can pass {@code divisor}-fold pooling. */
    public void requireDivisible(int divisor) {
        Image im = images.get(0);
        boolean ok = im.height() % divisor == 0 && im.width() % divisor == 0 && (!threeD || im.depth() % divisor == 0);
        if (!ok) {
            throw new IllegalArgumentException("image " + im + " is not divisible by " + divisor
                    + " along each axis; use fewer U-Net levels");
        }
    }

    public String modality() {
        return modality;
    }

    public int size() {
        return images.size();
    }

    public int labelledSize() {
        return labelledImages.size();
    }

    /** Indices (into {@link #image}) of the unlabelled samples. */
    public List<Integer> unlabelledIndices() {
        return List.copyOf(unlabelled);
    }

    public Image image(int i) {
        return images.get(i);
    }

    public Image example() {
        return images.get(0);
    }

    public int classes() {
        return classes;
    }

    public boolean threeD() {
        return threeD;
    }

    /**
     * The supervised loss of logits against one-hot labels on this data: 0.5 (Dice + CE), with the background rule
     * and class weights below (one place for what a rare foreground changes).
     */
    public SDVariable supervisedLoss(SameDiff sd, SDVariable logits, SDVariable oneHot) {
        return SegmentationLosses.diceCe(sd, logits, oneHot, voxels(), classes, threeD, diceBackground, ceWeights());
    }

    /** Whether the supervised Dice term includes the background class. */
    public boolean diceBackground() {
        return diceBackground;
    }

    /**
     * Class weights of the supervised cross-entropy: null (unweighted) unless the foreground is rare
     * ({@link #diceBackground()} false); then w_k proportional to 1 / sqrt(f_k), f_k the share of class k among the
     * labelled training voxels, scaled so the mean weight over those voxels is 1 (a class absent from them gets
     * weight 1). The square root is a compromise between no balance and full inverse frequency, whose optimum
     * labels a voxel foreground already at a posterior of about f_k and over-segments.
     */
    public float[] ceWeights() {
        if (diceBackground) {
            return null;
        }
        long[] counts = new long[classes];
        long total = 0;
        for (byte[] m : labelledMasks) {
            for (byte b : m) {
                counts[b & 0xFF]++;
            }
            total += m.length;
        }
        double norm = 0;
        for (long c : counts) {
            norm += c == 0 ? 0 : Math.sqrt(c / (double) total);
        }
        float[] w = new float[classes];
        for (int k = 0; k < classes; k++) {
            w[k] = counts[k] == 0 ? 1f : (float) (1 / (norm * Math.sqrt(counts[k] / (double) total)));
        }
        return w;
    }

    public int voxels() {
        return images.get(0).voxels();
    }

    /** An augmented labelled batch: input and one-hot target. */
    public record Labelled(INDArray x, INDArray oneHot) {
    }

    /** The next {@code n} labelled samples of the seeded cycle, each under its own weak geometry. */
    public Labelled labelledBatch(int n, SplittableRandom rng, Augmenter aug) {
        if (labelledImages.isEmpty()) {
            throw new IllegalArgumentException("no labelled training samples");
        }
        List<Image> xs = new ArrayList<>();
        List<byte[]> ys = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (order == null || cursor == order.length) {
                order = permutation(labelledImages.size(), rng);
                cursor = 0;
            }
            int i = order[cursor++];
            Image im = labelledImages.get(i);
            Augmenter.Geometry g = aug == null ? Augmenter.Geometry.IDENTITY : aug.drawGeometry(rng);
            xs.add(Augmenter.apply(g, im));
            ys.add(Augmenter.apply(g, labelledMasks.get(i), im.depth(), im.height(), im.width()));
        }
        return new Labelled(SegmentationTensors.input(xs, threeD), SegmentationTensors.oneHot(ys, classes));
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        BatchOrder.shuffle(p, rng);
        return p;
    }
}
