package io.kdbench.io;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFilesTest {
    @TempDir
    Path dir;

    private Path png(String name, int type, int[] values, int w) throws IOException {
        BufferedImage img = new BufferedImage(w, values.length / w, type);
        for (int i = 0; i < values.length; i++) {
            img.getRaster().setSample(i % w, i / w, 0, values[i]);
        }
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    @Test
    void eightAndSixteenBitLabelMaps() throws IOException {
        LabelMap a = ImageFiles.readLabelMap(png("a.png", BufferedImage.TYPE_BYTE_GRAY, new int[] {0, 1, 2, 255, 0, 3}, 3));
        assertEquals(2, a.height());
        assertEquals(255, a.label(0, 1, 0));
        LabelMap b = ImageFiles.readLabelMap(png("b.png", BufferedImage.TYPE_USHORT_GRAY, new int[] {0, 7, 2, 1}, 2));
        assertArrayEquals(new byte[] {0, 7, 2, 1}, b.labels());
    }

    @Test
    void sixteenBitValuesAboveTheLabelRangeAreRefused() throws IOException {
        Path p = png("c.png", BufferedImage.TYPE_USHORT_GRAY, new int[] {0, 1000}, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageFiles.readLabelMap(p)).getMessage()
                .contains("is 1000"));
    }

    @Test
    void rgbImagesReadAsThreeChannelsButNotAsLabels() throws IOException {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0x102030);
        Path p = dir.resolve("rgb.png");
        ImageIO.write(img, "png", p.toFile());
        Image im = ImageFiles.readImage(p);
        assertEquals(3, im.channels());
        assertEquals(0x20, im.get(1, 0, 0, 0), 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImageFiles.readLabelMap(p)).getMessage()
                .contains("3 channels"));
    }

    @Test
    void unreadableContentIsNamed() throws IOException {
        Path p = dir.resolve("fake.png");
        Files.writeString(p, "not an image");
        assertThrows(IllegalArgumentException.class, () -> ImageFiles.readLabelMap(p));
    }
}
