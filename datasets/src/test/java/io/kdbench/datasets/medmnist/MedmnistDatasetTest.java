package io.kdbench.datasets.medmnist;

import io.kdbench.api.BadDataException;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small .npz files in the official MedMNIST layout, written here, come back as the samples they hold. */
class MedmnistDatasetTest {
    @TempDir
    Path dir;

    private final MedmnistDataset dataset = new MedmnistDataset();

    private static Params params(Path file, Object... keyValues) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("path", file.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            o.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Params.of(MedmnistSettings.defaults(), o);
    }

    /** Pixel k of image number g (counted over train, val, test) as the writer sets it, scaled as uint8 is. */
    private static float pixel(int g, int k) {
        return (float) (((g * 7 + k) % 256) / 255.0);
    }

    @Test
    void grayTwoDimensionalSingleLabelKeepsTheOfficialSplits() throws IOException {
        Path f = NpzWriter.medmnist(new int[] {6, 2, 3}, new int[] {4, 5}, 1, (i, j) -> i % 3)
                .write(dir.resolve("pneumoniamnist.npz"));
        Params p = params(f);
        dataset.validate(p);
        DatasetInfo info = dataset.info(p);
        assertEquals(Task.CLASSIFICATION, info.task());
        assertEquals(List.of("0", "1", "2"), info.classes());
        Splits s = dataset.splits(p, 1);
        assertEquals(List.of(6, 2, 3, 0), List.of(s.train().size(), s.validation().size(), s.test().size(),
                s.external().size()));
        Sample val1 = s.validation().get(1); // image 7 of the file
        assertEquals("val-1", val1.id());
        assertEquals(7 % 3, val1.label());
        Image im = val1.image("image");
        assertArrayEquals(new int[] {1, 1, 4, 5}, new int[] {im.channels(), im.depth(), im.height(), im.width()});
        assertEquals(pixel(7, 2 * 5 + 3), im.get(0, 0, 2, 3), 0);
        assertEquals(List.of("train-0", "train-5"), List.of(s.train().get(0).id(), s.train().get(5).id()));
    }

    @Test
    void rgbImagesAreChannelsLastInTheFile() throws IOException {
        Path f = NpzWriter.medmnist(new int[] {4, 2, 2}, new int[] {3, 2, 3}, 1, (i, j) -> i % 2)
                .write(dir.resolve("pathmnist_64.npz"));
        Image im = dataset.splits(params(f, "classes", List.of("adipose", "tumour")), 0).test().get(1).image("image");
        assertEquals(3, im.channels());
        // test-1 is image 7; file index of (y=1, x=2, c=1) in (H=3, W=2, ... ) channels-last: (y * W + x) * C + c
        assertEquals(pixel(7, (1 * 2 + 1) * 3 + 2), im.get(2, 0, 1, 1), 0);
        assertEquals(pixel(7, 0), im.get(0, 0, 0, 0), 0);
        assertEquals(List.of("adipose", "tumour"), dataset.info(params(f, "classes", List.of("adipose", "tumour"))).classes());
    }

    @Test
    void volumesAreThreeDimensional() throws IOException {
        Path f = NpzWriter.medmnist(new int[] {3, 2, 2}, new int[] {5, 6, 7}, 1, (i, j) -> i % 2)
                .write(dir.resolve("organmnist3d.npz"));
        Image im = dataset.splits(params(f), 0).train().get(2).image("image");
        assertArrayEquals(new int[] {1, 5, 6, 7}, new int[] {im.channels(), im.depth(), im.height(), im.width()});
        assertEquals(pixel(2, (4 * 6 + 5) * 7 + 6), im.get(0, 4, 5, 6), 0);
    }

    @Test
    void manyLabelColumnsAreMultiLabel() throws IOException {
        Path f = NpzWriter.medmnist(new int[] {4, 2, 2}, new int[] {4, 4}, 3, (i, j) -> (i + j) % 2)
                .write(dir.resolve("chestmnist.npz"));
        Params p = params(f);
        assertEquals(Task.MULTILABEL_CLASSIFICATION, dataset.info(p).task());
        Sample s = dataset.splits(p, 0).test().get(0); // image 6
        assertArrayEquals(new float[] {0, 1, 0}, s.targets());
        String m = assertThrows(BadDataException.class, () -> dataset.validate(params(f, "classes", List.of("a", "b"))))
                .getMessage();
        assertTrue(m.contains("classes names 2 class(es) [a, b] but the labels have 3 columns"), m);
    }

    @Test
    void labelledFractionClientsAndMaxPerSplitActOnTrain() throws IOException {
        Path f = NpzWriter.medmnist(new int[] {20, 4, 4}, new int[] {2, 2}, 1, (i, j) -> i % 2)
                .write(dir.resolve("breastmnist.npz"));
        Splits s = dataset.splits(params(f, "labelled_fraction", 0.5, "clients", "iid", "n_clients", 2), 3);
        assertEquals(10, s.train().stream().filter(Sample::labelled).count());
        assertEquals(2, s.train().stream().map(Sample::client).distinct().count());
        assertTrue(s.test().stream().allMatch(Sample::labelled));
        Splits small = dataset.splits(params(f, "max_per_split", 3), 0);
        assertEquals(List.of(3, 3, 3), List.of(small.train().size(), small.validation().size(), small.test().size()));
        String m = assertThrows(IllegalArgumentException.class,
                () -> dataset.validate(params(f, "clients", "site"))).getMessage();
        assertEquals("clients must be one of none, iid, dirichlet; got 'site'", m);
    }

    private String refused(Path f) {
        String m = assertThrows(BadDataException.class, () -> dataset.validate(params(f))).getMessage();
        assertTrue(m.startsWith(f + ": "), m);
        return m;
    }

    @Test
    void malformedFilesAreBadDataNamingTheFileAndTheArray() throws IOException {
        NpzWriter w = NpzWriter.medmnist(new int[] {4, 2, 2}, new int[] {4, 4}, 1, (i, j) -> i % 2);
        Path noTest = dir.resolve("no-test.npz");
        new NpzWriter().add("train_images", "|u1", new int[] {1, 2, 2}, new double[4]).write(noTest);
        assertTrue(refused(noTest).contains("has no array 'train_labels' (it has: train_images)"));

        Path rows = w.add("val_labels", "|u1", new int[] {3, 1}, new double[3]).write(dir.resolve("rows.npz"));
        assertTrue(refused(rows).contains("val_labels has 3 rows but val_images 2 images"));

        w = NpzWriter.medmnist(new int[] {4, 2, 2}, new int[] {4, 4}, 1, (i, j) -> i % 2);
        Path shape = w.add("test_images", "|u1", new int[] {2, 4, 5}, new double[40]).write(dir.resolve("shape.npz"));
        assertTrue(refused(shape).contains("test_images holds images of shape [1, 1, 4, 5] but train_images [1, 1, 4, 4]"));

        w = NpzWriter.medmnist(new int[] {4, 2, 2}, new int[] {4, 4}, 1, (i, j) -> i % 2);
        Path negative = w.add("train_labels", "<i8", new int[] {4, 1}, new double[] {0, 1, -1, 0}).write(dir.resolve("neg.npz"));
        assertTrue(refused(negative).contains("train_labels row 2 is -1.0; expected a class index"));

        Path text = Files.writeString(dir.resolve("text.npz"), "not a zip");
        assertTrue(refused(text).contains("not a .npz file"));

        byte[] whole = Files.readAllBytes(NpzWriter.medmnist(new int[] {4, 2, 2}, new int[] {4, 4}, 1, (i, j) -> 0)
                .write(dir.resolve("whole.npz")));
        Path cut = Files.write(dir.resolve("cut.npz"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertFalse(refused(cut).isEmpty());

        String m = assertThrows(IllegalArgumentException.class, () -> dataset.validate(params(dir))).getMessage();
        assertEquals("path: " + dir.toAbsolutePath() + ": is a folder, not a file", m);
    }
}
