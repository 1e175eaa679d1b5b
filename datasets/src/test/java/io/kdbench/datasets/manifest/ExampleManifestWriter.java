package io.kdbench.datasets.manifest;

import io.kdbench.data.Image;
import io.kdbench.io.NiftiFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes {@code examples/manifest/}: 16 tiny "lesion" cases (16x16, 0.1 mm pixels) from two clinics, benign
 * or malignant, a brighter blob for malignant; 12 as 16-bit PNG with the spacing in the spacing column, 4 as
 * float32 {@code .nii.gz} with the spacing in the header; ROI masks as PNG; privileged age, density and a
 * report; 4 rows fixed to test, the rest split by seed. Regenerate with
 * {@code ExampleManifestWriter.write(Path.of("examples/manifest"))} (ManifestExampleTest checks the CSV matches).
 */
final class ExampleManifestWriter {
    static final int N = 16;
    static final int SIZE = 16;

    private ExampleManifestWriter() {
    }

    static List<String> write(Path dir) throws IOException {
        ManifestFixture f = new ManifestFixture(dir);
        SplittableRandom rng = new SplittableRandom(2024);
        List<String> lines = new ArrayList<>();
        lines.add("id,image,mask,label,age,density,report,site,split,spacing");
        for (int i = 0; i < N; i++) {
            boolean malignant = i % 2 == 1;
            int cy = 5 + rng.nextInt(6), cx = 5 + rng.nextInt(6);
            double r = malignant ? 3.2 : 2.2;
            float[] v = new float[SIZE * SIZE];
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean in = Math.hypot(y - cy, x - cx) <= r;
                    v[y * SIZE + x] = (float) (8000 + (in ? (malignant ? 9000 : 6000) : 0) + 1500 * rng.nextGaussian());
                }
            }
            String id = String.format("case%02d", i);
            String image;
            String spacing;
            if (i < 12) {
                image = "images/" + id + ".png";
                f.png(image, SIZE, SIZE, (y, x) -> (int) Math.max(0, Math.min(65535, v[y * SIZE + x])));
                spacing = "0.1 0.1";
            } else {
                image = "images/" + id + ".nii.gz";
                NiftiFile.write(dir.resolve(image), new Image(v, 1, 1, SIZE, SIZE, new double[] {1, 0.1, 0.1}));
                spacing = "";
            }
            String mask = "masks/" + id + ".png";
            f.png(mask, SIZE, SIZE, (y, x) -> Math.hypot(y - cy, x - cx) <= r ? 1 : 0);
            int age = 45 + rng.nextInt(20) + (malignant ? 8 : 0);
            int density = 1 + rng.nextInt(4);
            String report = malignant
                    ? "Irregular mass, " + (int) Math.round(2 * r) + " mm, spiculated margins. BI-RADS 5."
                    : "Round mass, circumscribed, " + (int) Math.round(2 * r) + " mm. Likely benign, BI-RADS 3.";
            String site = i % 4 < 2 ? "clinic-a" : "clinic-b";
            String split = i < 4 ? "test" : "";
            lines.add(String.join(",", id, image, mask, malignant ? "malignant" : "benign", String.valueOf(age),
                    String.valueOf(density), "\"" + report + "\"", site, split, spacing));
        }
        f.csv("manifest.csv", lines);
        return lines;
    }
}
