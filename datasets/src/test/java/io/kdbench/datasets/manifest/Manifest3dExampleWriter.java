package io.kdbench.datasets.manifest;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.io.NiftiFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes {@code examples/manifest3d/}: 16 small 3-D MR-like volumes in the layout users have, one image and one
 * label {@code .nii.gz} per case ({@code images/caseNN.nii.gz}, {@code labels/caseNN.nii.gz}), 16 slices of 3 mm and
 * 32 x 32 pixels of 1 mm (voxel spacing z, y, x = 3, 1, 1), stored as int16 in scanner-like units: air about 0, soft
 * tissue a few hundred, all on an offset of 1000 (as many scanners store), with a smooth bias field, a per-case
 * gain (one scanner's units are not another's) and Gaussian noise. The body has a bright fat rim (as bright as the
 * target or brighter), so intensity alone does not find the target. The target (label 1, "lesion") is an ellipsoid of
 * 2 to 3.5 mm in-plane and 3 to 6 mm through-plane radius somewhere inside the body, 2 to 3 noise SDs brighter than the
 * tissue around it: 0.16 to 0.45 % of the voxels, the rare foreground with which {@code seg-supervised} first learns
 * the empty mask. 4 rows are fixed to test, the other 12 are split by seed. Regenerate with
 * {@code Manifest3dExampleWriter.write(Path.of("examples/manifest3d"))} (Manifest3dExampleTest checks the committed
 * files are what this writes).
 */
final class Manifest3dExampleWriter {
    static final int N = 16;
    static final int D = 16, H = 32, W = 32;
    static final double[] SPACING = {3, 1, 1};
    static final double OFFSET = 1000;

    private Manifest3dExampleWriter() {
    }

    static List<String> write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("labels"));
        SplittableRandom rng = new SplittableRandom(1803);
        List<String> lines = new ArrayList<>();
        lines.add("id,image,mask,split");
        for (int i = 0; i < N; i++) {
            String id = String.format("case%02d", i);
            float[] v = new float[D * H * W];
            byte[] labels = new byte[D * H * W];
            volume(rng, v, labels);
            NiftiFile.writeInt16(dir.resolve("images/" + id + ".nii.gz"), new Image(v, 1, D, H, W, SPACING));
            NiftiFile.write(dir.resolve("labels/" + id + ".nii.gz"), new LabelMap(labels, D, H, W, SPACING));
            lines.add(String.join(",", id, "images/" + id + ".nii.gz", "labels/" + id + ".nii.gz", i < 4 ? "test" : ""));
        }
        Files.write(dir.resolve("manifest.csv"), lines);
        return lines;
    }

    /** One case: body ellipse (mm), fat rim, lesion ellipsoid, bias field, gain, noise; v in stored units. */
    private static void volume(SplittableRandom rng, float[] v, byte[] labels) {
        double gain = 0.8 + 0.5 * rng.nextDouble();              // scanner units differ between cases
        double tissue = 300, fat = 470, lesion = 350 + 30 * rng.nextDouble(), noise = 30;
        double by = 12 + 2 * rng.nextDouble(), bx = 13 + 2 * rng.nextDouble(); // body half-axes in mm
        double cy = 15.5 + 2 * (rng.nextDouble() - 0.5), cx = 15.5 + 2 * (rng.nextDouble() - 0.5);
        double ry = 2 + 1.5 * rng.nextDouble(), rx = 2 + 1.5 * rng.nextDouble(), rz = 3 + 3 * rng.nextDouble();
        // lesion centre inside the body, clear of the rim
        double angle = 2 * Math.PI * rng.nextDouble(), reach = 0.6 * rng.nextDouble();
        double ly = cy + reach * by * Math.sin(angle), lx = cx + reach * bx * Math.cos(angle);
        double lz = (D - 1) * SPACING[0] / 2 + 24 * (rng.nextDouble() - 0.5);
        double biasY = 0.15 * (rng.nextDouble() - 0.5), biasX = 0.15 * (rng.nextDouble() - 0.5);
        for (int z = 0; z < D; z++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int i = (z * H + y) * W + x;
                    double zmm = z * SPACING[0];
                    double e = Math.hypot((y - cy) / by, (x - cx) / bx);
                    double s;
                    if (e > 1) {
                        s = 0;                                              // air
                    } else if (e > 1 - 2.5 / Math.min(by, bx)) {
                        s = fat;                                            // a 2.5 mm fat rim
                    } else {
                        s = tissue;
                    }
                    double l = Math.pow((zmm - lz) / rz, 2) + Math.pow((y - ly) / ry, 2) + Math.pow((x - lx) / rx, 2);
                    if (e <= 1 && l <= 1) {
                        s = lesion;
                        labels[i] = 1;
                    }
                    double bias = 1 + biasY * (y - H / 2.0) / H * 2 + biasX * (x - W / 2.0) / W * 2;
                    double value = s * bias + noise * rng.nextGaussian();
                    v[i] = (float) Math.rint(OFFSET + gain * Math.abs(value));
                }
            }
        }
    }
}
