package io.kdbench.datasets.manifest;

import io.kdbench.api.Params;
import io.kdbench.io.NiftiFile;
import io.kdbench.data.LabelMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad data stops validate() with a ManifestException naming the manifest, the row and the column. */
class ManifestBadDataTest {
    @TempDir
    Path dir;
    private ManifestFixture f;
    private List<String> lines;

    @BeforeEach
    void goodManifest() {
        f = new ManifestFixture(dir);
        lines = new ArrayList<>(f.classificationRows(12));
    }

    /** Replaces row {@code row} (1-based) and expects validate() to fail there in {@code column}. */
    private String failsAt(int row, String column, Object... params) {
        Path csv = f.csv("m.csv", lines);
        Params p = ManifestFixture.params(csv, params);
        String m = assertThrows(ManifestException.class, () -> new ManifestDataset().validate(p)).getMessage();
        assertTrue(m.startsWith(csv + ":"), m);
        if (row > 0) {
            assertTrue(m.contains("row " + row + " (id c" + (row - 1) + "), column '" + column + "'"), m);
        } else {
            assertTrue(m.contains("column '" + column + "'"), m);
        }
        return m;
    }

    private void setRow(int row, String line) {
        lines.set(row, line);
    }

    @Test
    void theGoodManifestPasses() {
        new ManifestDataset().validate(ManifestFixture.params(f.csv("m.csv", lines)));
    }

    @Test
    void missingFile() {
        setRow(4, lines.get(4).replace("img/c3.png", "img/gone.png"));
        String m = failsAt(4, "image");
        assertTrue(m.contains("no such file") && m.contains("gone.png"), m);
    }

    @Test
    void unreadableFiles() throws IOException {
        Files.writeString(dir.resolve("img/c2.png"), "not a picture");
        String m = failsAt(3, "image");
        assertTrue(m.contains("c2.png") && m.contains("not a PNG or JPEG"), m);

        f.png("img/c2.png", 8, 8, (y, x) -> 1);
        byte[] nii = HandWrittenNifti.bytes();
        Files.write(dir.resolve("img/cut.nii"), java.util.Arrays.copyOf(nii, 360)); // voxels cut off
        setRow(6, lines.get(6).replace("img/c5.png", "img/cut.nii"));
        m = failsAt(6, "image");
        assertTrue(m.contains("cut.nii") && m.contains("bytes of voxels"), m);

        Files.write(dir.resolve("img/bad.nii.gz"), new byte[] {1, 2, 3});
        setRow(6, lines.get(6).replace("img/cut.nii", "img/bad.nii.gz"));
        m = failsAt(6, "image");
        assertTrue(m.contains("cannot read") && m.contains("bad.nii.gz"), m);
    }

    @Test
    void maskShapeDiffersFromImage() throws IOException {
        f.png("mask/c7.png", 8, 9, (y, x) -> 0);
        String m = failsAt(8, "mask");
        assertTrue(m.contains("mask is 8x9") && m.contains("is 8x8"), m);
        NiftiFile.write(dir.resolve("mask/c7.nii.gz"), new LabelMap(new byte[2 * 64], 2, 8, 8, null));
        setRow(8, lines.get(8).replace("mask/c7.png", "mask/c7.nii.gz"));
        m = failsAt(8, "mask");
        assertTrue(m.contains("mask is 2x8x8"), m);
    }

    @Test
    void mixedImageSizesWithoutASizeAreRefusedNamingBothRows() {
        f.png("img/c6.png", 6, 8, (y, x) -> 40);
        f.png("mask/c6.png", 6, 8, (y, x) -> y == 3 && x == 4 ? 1 : 0);
        String m = failsAt(7, "image");
        assertTrue(m.contains("image is 6x8 but row 1 (id c0) is 8x8") && m.contains("size: [8, 8]"), m);
        // resampled to one size, the same files are fine
        new ManifestDataset().validate(ManifestFixture.params(f.csv("m.csv", lines), "size", List.of(8, 8)));
    }

    @Test
    void labelOutsideTheDeclaredSet() {
        setRow(2, lines.get(2).replace(",b,", ",malignant,"));
        String m = failsAt(2, "label");
        assertTrue(m.contains("'malignant' is not one of the declared classes [a, b]"), m);
    }

    @Test
    void maskLabelOutsideTheDeclaredSegmentationClasses() {
        f.png("mask/c4.png", 8, 8, (y, x) -> y == 2 && x == 6 ? 3 : 1);
        String m = failsAt(5, "mask", "task", "segmentation-2d", "classes", List.of("bg", "lesion", "other"));
        assertTrue(m.contains("label 3 at (x=6, y=2, z=0) is outside the declared classes 0..2"), m);
    }

    @Test
    void multiLabelCellsMustBeZeroOrOne() {
        lines = new ArrayList<>(List.of("id,image,a,b"));
        for (int i = 0; i < 6; i++) {
            f.png("img/c" + i + ".png", 8, 8, (y, x) -> 5);
            lines.add("c" + i + ",img/c" + i + ".png," + (i % 2) + ",1");
        }
        setRow(3, "c2,img/c2.png,1,-1");
        String m = failsAt(3, "b", "task", "multilabel", "tabular", List.of(), "text", "", "privileged", List.of());
        assertTrue(m.contains("'-1' is not 0 or 1"), m);
        setRow(3, "c2,img/c2.png,,1");
        m = failsAt(3, "a", "task", "multilabel", "tabular", List.of(), "text", "", "privileged", List.of());
        assertTrue(m.contains("leave all empty"), m);
    }

    @Test
    void nanEmptyOrTextInATabularColumn() {
        setRow(9, lines.get(9).replace(",58,", ",NaN,"));
        assertTrue(failsAt(9, "age").contains("NaN is not a finite number"));
        setRow(9, lines.get(9).replace(",NaN,", ",,"));
        assertTrue(failsAt(9, "age").contains("empty"));
        setRow(9, lines.get(9).replace(",,\"", ",old,\""));
        assertTrue(failsAt(9, "age").contains("'old' is not a number"));
    }

    @Test
    void duplicateIds() {
        setRow(11, lines.get(11).replaceFirst("^c10,", "c3,"));
        String m = assertThrows(ManifestException.class,
                () -> new ManifestDataset().validate(ManifestFixture.params(f.csv("m.csv", lines)))).getMessage();
        assertTrue(m.contains("row 11 (id c3), column 'id': duplicate id, first used on row 4 (line 5)"), m);
    }

    @Test
    void emptySplits() {
        for (int r = 1; r < lines.size(); r++) {
            lines.set(r, lines.get(r) + (r <= 10 ? "train" : "test"));
        }
        String m = failsAt(0, "split");
        assertTrue(m.contains("no validation rows"), m);
        // all rows open, but no test share asked for
        for (int r = 1; r < lines.size(); r++) {
            lines.set(r, lines.get(r).replaceFirst("(train|test)$", ""));
        }
        m = failsAt(0, "split", "test_fraction", 0.0);
        assertTrue(m.contains("no test rows"), m);
    }

    @Test
    void otherRowLevelProblems() {
        setRow(1, lines.get(1).replaceFirst(",$", ",holdout"));
        assertTrue(failsAt(1, "split").contains("'holdout' is not a split"));
        setRow(1, lines.get(1).replaceFirst(",holdout$", ",test").replace(",a,", ",,"));
        assertTrue(failsAt(1, "label").contains("only training rows may be unlabelled"));
        setRow(1, lines.get(1).replaceFirst(",test$", ",").replace("img/c0.png", ""));
        assertTrue(failsAt(1, "image").contains("empty image path"));
    }

    @Test
    void headerWithoutANamedColumn() {
        Path csv = f.csv("m.csv", lines);
        String m = assertThrows(ManifestException.class, () -> new ManifestDataset().validate(
                ManifestFixture.params(csv, "tabular", List.of("age", "weight")))).getMessage();
        assertTrue(m.contains("line 1: the header has no column weight (it has id, image"), m);
    }
}
