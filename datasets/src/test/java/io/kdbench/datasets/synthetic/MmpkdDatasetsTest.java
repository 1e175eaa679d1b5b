package io.kdbench.datasets.synthetic;

import io.kdbench.api.Params;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.datasets.raster.Grid;
import io.kdbench.datasets.synthetic.draw.Ellipse;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two MMPKD datasets: the report describes the drawn findings, and the mammography lesion can be seen. */
class MmpkdDatasetsTest {
    private static final List<String> HEDGES = List.of("possible", "cannot exclude", "questionable");

    private static String report(int k, double size, double visibility) {
        CxrFinding[] f = new CxrFinding[4];
        Arrays.fill(f, CxrFinding.ABSENT);
        f[k] = new CxrFinding(true, size, visibility, "left mid zone");
        return CxrReportText.write(f, 0.1, 0.35, 0, new SplittableRandom(3)).toLowerCase();
    }

    @Test
    void theSizeWordComesFromTheDrawnSize() {
        assertEquals("small", CxrReportText.sizeWord(2, 0.1));
        assertEquals("moderate", CxrReportText.sizeWord(0, 0.5));
        assertEquals("large", CxrReportText.sizeWord(1, 0.99));
        assertEquals("marked", CxrReportText.sizeWord(3, 0.9));
        assertTrue(report(2, 0.1, 0.9).contains("small"), report(2, 0.1, 0.9));
        assertTrue(report(2, 0.9, 0.9).contains("large"), report(2, 0.9, 0.9));
        assertTrue(report(0, 0.5, 0.9).contains("moderate"), report(0, 0.5, 0.9));
        assertTrue(report(0, 0.5, 0.9).contains("left mid zone"), report(0, 0.5, 0.9));
    }

    @Test
    void certaintyTracksTheDrawnVisibility() {
        for (int k = 0; k < 4; k++) {
            String faint = report(k, 0.5, 0.2), clear = report(k, 0.5, 0.9), unseen = report(k, 0.5, 0.05);
            assertTrue(HEDGES.stream().anyMatch(faint::contains), "faint finding not hedged: " + faint);
            assertTrue(HEDGES.stream().noneMatch(clear::contains), "clear finding hedged: " + clear);
            assertFalse(unseen.contains("moderate"), "unseen finding reported: " + unseen);
        }
        assertEquals(CxrReportText.Certainty.OMITTED, CxrReportText.certainty(0.05, 0.1, 0.35));
        assertEquals(CxrReportText.Certainty.HEDGED, CxrReportText.certainty(0.1, 0.1, 0.35));
        assertEquals(CxrReportText.Certainty.DEFINITE, CxrReportText.certainty(0.35, 0.1, 0.35));
    }

    /** In the generated data, hedged nodules are fainter in the image than plainly reported ones: the words follow the picture. */
    @Test
    void hedgedFindingsAreFainterInTheImage() {
        CxrReportDataset d = new CxrReportDataset();
        Splits s = d.splits(Params.defaultsOf(d).with("report_noise", 0.0).with("n_train", 1500), 5);
        double hedgedSum = 0, clearSum = 0;
        int hedged = 0, clear = 0;
        for (Sample x : s.train()) {
            float[] t = x.targets();
            if (t[0] + t[1] + t[3] > 0 || t[2] == 0) { // nodule only, so the mask is the nodule's
                continue;
            }
            double contrast = meanInMask(x);
            String r = x.text().toLowerCase();
            if (HEDGES.stream().anyMatch(r::contains)) {
                hedgedSum += contrast;
                hedged++;
            } else if (r.contains("nod")) {
                clearSum += contrast;
                clear++;
            }
        }
        assertTrue(hedged >= 10 && clear >= 30, hedged + " hedged, " + clear + " clear");
        assertTrue(clearSum / clear > hedgedSum / hedged + 0.01, "clear " + clearSum / clear + " vs hedged " + hedgedSum / hedged);
    }

    /** Mean brightness inside the mask minus the image's mean. */
    private static double meanInMask(Sample x) {
        float[] v = x.image("image").data();
        double in = 0, all = 0;
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (x.mask().label(i) == 1) {
                in += v[i];
                n++;
            }
            all += v[i];
        }
        return in / n - all / v.length;
    }

    @Test
    void theMammoLesionIsLargeEnoughToSeeAtTheDefault() {
        MammoTabularDataset d = new MammoTabularDataset();
        Splits s = d.splits(Params.defaultsOf(d), 5);
        int[] areas = s.train().stream().filter(x -> x.tabular()[3] == 0).mapToInt(MmpkdDatasetsTest::roiPixels).sorted().toArray();
        int median = areas[areas.length / 2];
        // at 48 px a mass's radius is 3.8-5.8 px: 30-110 px of area (was 3-5 px wide before issue 13)
        assertTrue(median >= 35 && median <= 110, "median mass area " + median);
        assertTrue(areas[0] >= 12, "smallest mass area " + areas[0]);
    }

    private static int roiPixels(Sample x) {
        int n = 0;
        for (int i = 0; i < x.mask().size(); i++) {
            n += x.mask().label(i) == 1 ? 1 : 0;
        }
        return n;
    }

    /** A spiculated margin draws lines past the outline; a circumscribed one leaves the surroundings dark. */
    @Test
    void spiculatedMassesReachPastTheirOutline() {
        double[] outside = new double[5];
        for (int margin : new int[] {1, 4}) {
            Grid g = Grid.of2d(48, 48);
            SplittableRandom rng = new SplittableRandom(9);
            var mass = MammoTabularDataset.drawMass(g, 24, 24, 48, 2, margin, 0.2, rng);
            Ellipse ring = mass.base().scaled(1.6);
            for (int y = 0; y < 48; y++) {
                for (int x = 0; x < 48; x++) {
                    if (!ring.contains(y, x)) {
                        outside[margin] += g.get(y, x);
                    }
                }
            }
        }
        assertTrue(outside[4] > 5 * outside[1] + 1, "spiculated " + outside[4] + " vs circumscribed " + outside[1]);
    }

    @Test
    void badParametersAreRejectedByName() {
        CxrReportDataset cxr = new CxrReportDataset();
        MammoTabularDataset mammo = new MammoTabularDataset();
        assertMessage(() -> cxr.info(Params.defaultsOf(cxr).with("hedge_below", 1.5)), "hedge_below");
        assertMessage(() -> cxr.info(Params.defaultsOf(cxr).with("omit_below", 0.5)), "omit_below");
        assertMessage(() -> cxr.info(Params.defaultsOf(cxr).with("contrast", -1.0)), "contrast");
        assertMessage(() -> mammo.info(Params.defaultsOf(mammo).with("lesion_scale", 0.0)), "lesion_scale");
        assertMessage(() -> mammo.info(Params.defaultsOf(mammo).with("contrast", 0.0)), "contrast");
    }

    private static void assertMessage(Runnable r, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }

    @Test
    void sameSeedSameBits() {
        for (SyntheticDataset d : List.of(new CxrReportDataset(), new MammoTabularDataset())) {
            Params p = Params.defaultsOf(d).with("n_train", 20);
            Sample a = d.splits(p, 4).train().get(7), b = d.splits(p, 4).train().get(7);
            assertTrue(Arrays.equals(a.image("image").data(), b.image("image").data()), d.id());
            assertEquals(a.text(), b.text(), d.id());
            assertTrue(Arrays.equals(a.tabular(), b.tabular()), d.id());
        }
    }
}
