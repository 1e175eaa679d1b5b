package io.kdbench.datasets;

import io.kdbench.api.Params;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.datasets.synthetic.CxrReportDataset;
import io.kdbench.datasets.synthetic.MammoTabularDataset;
import io.kdbench.datasets.synthetic.RgbdIncompleteDataset;
import io.kdbench.datasets.synthetic.SkinPairsDataset;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The privileged modality must carry the label strongly and the test-time image only weakly: the same
 * simple model (softmax regression, {@link SimpleModels}) is fitted on train and scored on test with each
 * input, at a fixed seed. Images enter as 12x12 downsampled pixels (all channels).
 */
class PrivilegedInformativenessTest {
    private static final long SEED = 7;

    @Test
    void cxrReportTextBeatsTheRadiograph() {
        CxrReportDataset d = new CxrReportDataset();
        Splits s = d.splits(Params.defaultsOf(d), SEED);
        double[] image = new double[4], text = new double[4];
        for (int k = 0; k < 4; k++) {
            int kk = k;
            Function<Sample, Integer> y = x -> (int) x.targets()[kk];
            image[k] = auroc(s, y, x -> SimpleModels.pixels(x.image("image"), 12));
            text[k] = auroc(s, y, x -> SimpleModels.words(x.text(), 512));
        }
        double meanImage = Arrays.stream(image).average().orElseThrow();
        double meanText = Arrays.stream(text).average().orElseThrow();
        System.out.printf("cxr-report: mean AUROC image %.3f %s, text %.3f %s%n", meanImage, Arrays.toString(round(image)),
                meanText, Arrays.toString(round(text)));
        assertTrue(meanText > 0.85, "text AUROC " + meanText);
        assertTrue(meanText > meanImage + 0.1, "text " + meanText + " vs image " + meanImage);
        assertTrue(meanImage > 0.55, "the image should still carry some signal: " + meanImage);
    }

    @Test
    void mammoTabularMetadataBeatsTheMammogram() {
        MammoTabularDataset d = new MammoTabularDataset();
        Splits s = d.splits(Params.defaultsOf(d), SEED);
        double image = auroc(s, Sample::label, x -> SimpleModels.pixels(x.image("image"), 12));
        double tabular = auroc(s, Sample::label, Sample::tabular);
        System.out.printf("mammo-tabular: AUROC image %.3f, tabular %.3f%n", image, tabular);
        assertTrue(tabular > 0.9, "tabular AUROC " + tabular);
        assertTrue(tabular > image + 0.15, "tabular " + tabular + " vs image " + image);
    }

    @Test
    void rgbdDepthBeatsColourForClassification() {
        RgbdIncompleteDataset d = new RgbdIncompleteDataset();
        Splits s = d.splits(Params.defaultsOf(d).with("task", "classification"), SEED);
        double rgb = accuracy(s, 3, x -> SimpleModels.pixels(x.image("image"), 12));
        double depth = accuracy(s, 3, x -> SimpleModels.pixels(x.image("depth"), 12));
        System.out.printf("rgbd-incomplete (classification, 3 classes): accuracy rgb %.3f, depth %.3f%n", rgb, depth);
        assertTrue(depth > 0.7, "depth accuracy " + depth);
        assertTrue(depth > rgb + 0.2, "depth " + depth + " vs rgb " + rgb);
    }

    /** Per pixel, among object and picture pixels: which is it? Depth knows, colour barely does. */
    @Test
    void rgbdDepthTellsObjectsFromPicturesPerPixel() {
        RgbdIncompleteDataset d = new RgbdIncompleteDataset();
        Splits s = d.splits(Params.defaultsOf(d), SEED);
        double rgb = pixelAuroc(s, "image");
        double depth = pixelAuroc(s, "depth");
        System.out.printf("rgbd-incomplete (segmentation): per-pixel object-vs-picture AUROC rgb %.3f, depth %.3f%n", rgb, depth);
        assertTrue(depth > 0.9, "depth " + depth);
        assertTrue(depth > rgb + 0.2, "depth " + depth + " vs rgb " + rgb);
    }

    @Test
    void skinAttributesAndDermoscopyBeatTheClinicalPhoto() {
        SkinPairsDataset d = new SkinPairsDataset();
        Splits s = d.splits(Params.defaultsOf(d), SEED);
        double clinical = accuracy(s, 5, x -> SimpleModels.pixels(x.image("clinical"), 12));
        double dermoscopy = accuracy(s, 5, x -> SimpleModels.pixels(x.image("dermoscopy"), 12));
        double tabular = accuracy(s, 5, x -> oneHot(x.tabular(), 3)); // attributes are categorical
        System.out.printf("skin-pairs (5 classes): accuracy clinical %.3f, dermoscopy %.3f, attributes %.3f%n",
                clinical, dermoscopy, tabular);
        assertTrue(tabular > clinical + 0.15, "attributes " + tabular + " vs clinical " + clinical);
        assertTrue(dermoscopy > clinical + 0.05, "dermoscopy " + dermoscopy + " vs clinical " + clinical);
    }

    private static double auroc(Splits s, Function<Sample, Integer> y, Function<Sample, double[]> f) {
        double[][] xtr = s.train().stream().map(f).toArray(double[][]::new);
        int[] ytr = s.train().stream().mapToInt(y::apply).toArray();
        double[][] xte = s.test().stream().map(f).toArray(double[][]::new);
        int[] yte = s.test().stream().mapToInt(y::apply).toArray();
        return SimpleModels.auroc(SimpleModels.binaryScores(xtr, ytr, xte), yte);
    }

    private static double accuracy(Splits s, int classes, Function<Sample, double[]> f) {
        double[][] xtr = s.train().stream().map(f).toArray(double[][]::new);
        int[] ytr = s.train().stream().mapToInt(Sample::label).toArray();
        double[][] xte = s.test().stream().map(f).toArray(double[][]::new);
        int[] yte = s.test().stream().mapToInt(Sample::label).toArray();
        return SimpleModels.accuracy(xtr, ytr, classes, xte, yte);
    }

    /** Pixels of classes object (2, positive) and picture (3); features are the modality's channel values. */
    private static double pixelAuroc(Splits s, String modality) {
        List<double[]> xtr = new ArrayList<>(), xte = new ArrayList<>();
        List<Integer> ytr = new ArrayList<>(), yte = new ArrayList<>();
        collectPixels(s.train(), modality, xtr, ytr, 4);
        collectPixels(s.test(), modality, xte, yte, 4);
        double[] scores = SimpleModels.binaryScores(xtr.toArray(double[][]::new),
                ytr.stream().mapToInt(Integer::intValue).toArray(), xte.toArray(double[][]::new));
        return SimpleModels.auroc(scores, yte.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void collectPixels(List<Sample> samples, String modality, List<double[]> x, List<Integer> y, int stride) {
        for (Sample sample : samples) {
            Image im = sample.image(modality);
            int n = im.voxels();
            for (int i = 0; i < n; i += stride) {
                int label = sample.mask().label(i);
                if (label == 2 || label == 3) {
                    double[] f = new double[im.channels()];
                    for (int c = 0; c < f.length; c++) {
                        f[c] = im.data()[c * n + i];
                    }
                    x.add(f);
                    y.add(label == 2 ? 1 : 0);
                }
            }
        }
    }

    private static double[] oneHot(double[] codes, int levels) {
        double[] f = new double[codes.length * levels];
        for (int k = 0; k < codes.length; k++) {
            f[k * levels + (int) codes[k]] = 1;
        }
        return f;
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(a -> Math.round(a * 1000) / 1000.0).toArray();
    }
}
