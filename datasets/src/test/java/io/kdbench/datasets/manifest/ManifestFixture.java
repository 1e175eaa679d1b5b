package io.kdbench.datasets.manifest;

import io.kdbench.api.Params;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;

/** Writes small manifests and the PNG files they name into a folder, for tests. */
final class ManifestFixture {
    final Path dir;

    ManifestFixture(Path dir) {
        this.dir = dir;
    }

    /** A one-band PNG, 8-bit if every value is below 256, else 16-bit. */
    Path png(String name, int h, int w, IntBinaryOperator value) {
        boolean wide = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                wide |= value.applyAsInt(y, x) > 255;
            }
        }
        BufferedImage img = new BufferedImage(w, h, wide ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.setSample(x, y, 0, value.applyAsInt(y, x));
            }
        }
        return write(img, name, "png");
    }

    /** An RGB image, PNG or JPEG by the name's extension; channel c at (y, x) = value(c * 1000 + y, x). */
    Path rgb(String name, int h, int w, IntBinaryOperator value) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster r = img.getRaster();
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    r.setSample(x, y, c, value.applyAsInt(c * 1000 + y, x));
                }
            }
        }
        return write(img, name, name.endsWith(".png") ? "png" : "jpg");
    }

    private Path write(BufferedImage img, String name, String format) {
        Path p = dir.resolve(name);
        try {
            Files.createDirectories(p.getParent());
            if (!ImageIO.write(img, format, p.toFile())) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    Path csv(String name, List<String> lines) {
        Path p = dir.resolve(name);
        try {
            Files.writeString(p, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * A valid classification manifest: {@code n} 8x8 gray cases (class a/b alternating, brightness by class),
     * a 1-pixel ROI mask each, tabular "age", a report, site s0/s1, no split column values.
     * Header: id,image,mask,label,age,report,site,split.
     */
    List<String> classificationRows(int n) {
        List<String> lines = new ArrayList<>();
        lines.add("id,image,mask,label,age,report,site,split");
        for (int i = 0; i < n; i++) {
            int cls = i % 2;
            png("img/c" + i + ".png", 8, 8, (y, x) -> 40 + 100 * cls + y + x);
            png("mask/c" + i + ".png", 8, 8, (y, x) -> y == 3 && x == 4 ? 1 : 0);
            lines.add("c" + i + ",img/c" + i + ".png,mask/c" + i + ".png," + (cls == 0 ? "a" : "b") + "," + (50 + i)
                    + ",\"finding, " + (cls == 0 ? "benign" : "malignant") + "\",s" + (i % 3 == 0 ? 0 : 1) + ",");
        }
        return lines;
    }

    static Params params(Path csv, Object... keyValues) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("path", csv.toString());
        o.put("classes", List.of("a", "b"));
        o.put("tabular", List.of("age"));
        o.put("text", "report");
        o.put("privileged", List.of("text", "tabular"));
        for (int i = 0; i < keyValues.length; i += 2) {
            o.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Params.of(ManifestSettings.defaults(), o);
    }
}
