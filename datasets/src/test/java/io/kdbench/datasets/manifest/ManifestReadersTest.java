package io.kdbench.datasets.manifest;

import io.kdbench.api.Params;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files written by the tests come back through the manifest with the values, shapes and spacing written. */
class ManifestReadersTest {
    @TempDir
    Path dir;

    private List<Sample> read(Params p) {
        return new ManifestReader(ManifestSettings.of(p)).read().stream().map(ManifestCase::sample).toList();
    }

    @Test
    void handWrittenNiftiPlainAndGzipGiveHeaderSpacingAndRasOrder() throws IOException {
        HandWrittenNifti.write(dir.resolve("vol/a.nii"));
        HandWrittenNifti.write(dir.resolve("vol/b.nii.gz"));
        Path csv = new ManifestFixture(dir).csv("m.csv", List.of("id,image,label", "a,vol/a.nii,x", "b,vol/b.nii.gz,y"));
        Params p = Params.of(ManifestSettings.defaults(), java.util.Map.of("path", csv.toString(), "classes", List.of("x", "y")));
        for (Sample s : read(p)) {
            Image im = s.image("image");
            assertEquals(HandWrittenNifti.D, im.depth());
            assertEquals(HandWrittenNifti.H, im.height());
            assertEquals(HandWrittenNifti.W, im.width());
            assertArrayEquals(new double[] {2, 0.75, 0.5}, im.spacing(), 1e-6, s.id());
            for (int z = 0; z < im.depth(); z++) {
                for (int y = 0; y < im.height(); y++) {
                    for (int x = 0; x < im.width(); x++) {
                        // stored LPS: RAS x runs the other way along i, RAS y the other way along j
                        int expected = HandWrittenNifti.value(z, HandWrittenNifti.H - 1 - y, HandWrittenNifti.W - 1 - x);
                        assertEquals(expected, im.get(0, z, y, x), 0, s.id() + " at " + z + "," + y + "," + x);
                    }
                }
            }
        }
        Sample stored = read(p.with("reorient", false)).get(1);
        assertEquals(HandWrittenNifti.value(1, 2, 3), stored.image("image").get(0, 1, 2, 3), 0);
    }

    @Test
    void pngEightAndSixteenBitWithSpacingCellAndPngMask() {
        ManifestFixture f = new ManifestFixture(dir);
        f.png("p8.png", 3, 5, (y, x) -> 10 * y + x);
        f.png("p16.png", 3, 5, (y, x) -> 1000 * y + x + 300);
        f.png("m.png", 3, 5, (y, x) -> x == 2 ? 2 : y == 0 ? 1 : 0);
        Path csv = f.csv("m.csv", List.of("id,image,mask,spacing",
                "e,p8.png,m.png,0.7 0.2", "s,p16.png,m.png,\"3,0.7,0.2\""));
        Params p = Params.of(ManifestSettings.defaults(), java.util.Map.of("path", csv.toString(),
                "task", "segmentation-2d", "classes", List.of("bg", "one", "two")));
        List<Sample> cases = read(p);
        Image eight = cases.get(0).image("image");
        Image sixteen = cases.get(1).image("image");
        assertEquals(1, eight.channels());
        assertEquals(21, eight.get(0, 0, 2, 1), 0);
        assertEquals(2004 + 300, sixteen.get(0, 0, 2, 4), 0);
        assertArrayEquals(new double[] {1, 0.7, 0.2}, eight.spacing(), 1e-12);
        assertArrayEquals(new double[] {3, 0.7, 0.2}, sixteen.spacing(), 1e-12);
        LabelMap mask = cases.get(0).mask();
        assertEquals(2, mask.label(0, 1, 2));
        assertEquals(1, mask.label(0, 0, 0));
        assertEquals(0, mask.label(0, 2, 4));
        assertArrayEquals(eight.spacing(), mask.spacing(), 0); // the mask carries its image's spacing
        assertTrue(cases.get(0).labelled());
    }

    @Test
    void rgbJpegAndPngKeepTheirChannels() {
        ManifestFixture f = new ManifestFixture(dir);
        f.rgb("a.jpg", 16, 16, (cy, x) -> cy / 1000 == 0 ? 200 : cy / 1000 == 1 ? 100 : 40); // flat: JPEG keeps it closely
        f.rgb("b.png", 16, 16, (cy, x) -> (cy / 1000) * 50 + cy % 1000 + x);
        Path csv = f.csv("m.csv", List.of("id,photo,label", "a,a.jpg,", "b,b.png,"));
        Params p = Params.of(ManifestSettings.defaults(), java.util.Map.of("path", csv.toString(),
                "images", List.of("photo"), "classes", List.of("x", "y")));
        List<Sample> cases = read(p);
        Image jpeg = cases.get(0).image("photo");
        assertEquals(3, jpeg.channels());
        assertEquals(200, jpeg.get(0, 0, 8, 8), 4);
        assertEquals(100, jpeg.get(1, 0, 8, 8), 4);
        assertEquals(40, jpeg.get(2, 0, 8, 8), 4);
        Image png = cases.get(1).image("photo");
        assertEquals(2 * 50 + 3 + 5, png.get(2, 0, 3, 5), 0);
        assertFalse(cases.get(0).labelled()); // empty label: the unlabelled pool
        assertEquals(-1, cases.get(0).label());
        assertNull(cases.get(0).mask());
    }

    @Test
    void sizeSpacingAndNormaliseAreApplied() {
        ManifestFixture f = new ManifestFixture(dir);
        f.png("i.png", 4, 8, (y, x) -> 10 * x);
        f.png("m.png", 4, 8, (y, x) -> x >= 4 ? 1 : 0);
        Path csv = f.csv("m.csv", List.of("id,image,mask,spacing", "a,i.png,m.png,1 2"));
        Params base = Params.of(ManifestSettings.defaults(), java.util.Map.of("path", csv.toString(),
                "task", "segmentation-2d", "classes", List.of("bg", "fg")));

        Sample sized = read(base.with("size", List.of("2", "4")).with("normalise", "minmax")).get(0);
        Image im = sized.image("image");
        assertEquals(2, im.height());
        assertEquals(4, im.width());
        assertEquals(0, im.get(0, 0, 0, 0), 1e-6);
        assertEquals(1, im.get(0, 0, 0, 3), 1e-6);
        assertEquals(2, sized.mask().height());
        assertArrayEquals(new byte[] {0, 0, 1, 1, 0, 0, 1, 1}, sized.mask().labels());
        assertArrayEquals(new double[] {1, 2, 4}, im.spacing(), 1e-12);

        // 1 x 2 mm pixels to 1 x 1 mm: twice the width, height kept
        Sample spaced = read(base.with("spacing", List.of("1", "1"))).get(0);
        assertEquals(4, spaced.image("image").height());
        assertEquals(16, spaced.image("image").width());
        assertEquals(16, spaced.mask().width());
        assertArrayEquals(new double[] {1, 1, 1}, spaced.image("image").spacing(), 1e-12);

        Image z = read(base.with("normalise", "zscore")).get(0).image("image");
        double sum = 0;
        for (float v : z.data()) {
            sum += v;
        }
        assertEquals(0, sum / z.data().length, 1e-5);
    }
}
