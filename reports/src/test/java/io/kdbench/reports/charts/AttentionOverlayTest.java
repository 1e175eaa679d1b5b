package io.kdbench.reports.charts;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;
import io.kdbench.store.StoredAttention;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AttentionOverlayTest {
    @Test
    void drawsTheMapInRedAndTheRegionOutlineInGreen() {
        int n = 8;
        byte[] roi = new byte[n * n];
        for (int y = 2; y < 6; y++) {
            for (int x = 2; x < 6; x++) {
                roi[y * n + x] = 1;
            }
        }
        float[] map = new float[n * n];
        map[7 * n + 7] = 1; // the hottest pixel, outside the region
        Sample s = Sample.of("c", Map.of("image", Image.of2d(new float[n * n], 1, n, n)))
                .withLabel(1).withMask(LabelMap.of2d(roi, n, n));
        BufferedImage img = AttentionOverlay.render(new AttentionOverlay.Panel(s, new StoredAttention.Map2d("c", n, n, map)));
        assertEquals(0x28E63C, img.getRGB(2, 2) & 0xFFFFFF, "region boundary is green");
        assertEquals(0x000000, img.getRGB(3, 3) & 0xFFFFFF, "inside the region: black image, no attention");
        int hot = img.getRGB(7, 7) & 0xFFFFFF;
        assertEquals(Math.round(255 * 0.6f), hot >> 16, "full attention is 60% red over black");
        assertEquals(0, (hot >> 8) & 0xFF);
    }
}
