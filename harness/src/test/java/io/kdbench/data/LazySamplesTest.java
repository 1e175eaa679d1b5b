package io.kdbench.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazySamplesTest {
    @TempDir
    Path dir;

    @Test
    void sampleFilesRoundTripEveryField() throws IOException {
        Image img = new Image(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 2, 2, 2, new double[] {2, 1, 0.5});
        LabelMap mask = new LabelMap(new byte[] {0, 1, 2, (byte) 255, 0, 0, 1, 1}, 2, 2, 2, new double[] {2, 1, 0.5});
        Sample s = new Sample("case-7", Map.of("image", img), 3, new float[] {0, 1}, mask, "no finding", new double[] {1.5, -2},
                "client-1", false);
        Path f = dir.resolve("s.bin");
        SampleFiles.write(s, f);
        Sample back = SampleFiles.read(f);
        assertEquals(s.id(), back.id());
        assertEquals(img, back.image("image"));
        assertEquals(mask, back.mask());
        assertEquals(255, back.mask().label(3));
        assertArrayEquals(s.targets(), back.targets());
        assertArrayEquals(s.tabular(), back.tabular());
        assertEquals("no finding", back.text());
        assertEquals("client-1", back.client());
        assertEquals(3, back.label());
        assertEquals(false, back.labelled());
    }

    /**
     * 3,000 volumes of 32^3 floats (384 MiB of voxels) streamed from disk through a split by a JVM whose heap is 64 MiB:
     * it can only finish if samples are read in batches and not held.
     */
    @Test
    void aDatasetLargerThanTheHeapStreamsFromDisk() throws Exception {
        int n = 3000;
        int side = 32;
        SplittableRandom random = new SplittableRandom(5);
        double expected = 0;
        Path folder = Files.createDirectories(dir.resolve("volumes"));
        for (int i = 0; i < n; i++) {
            float[] voxels = new float[side * side * side];
            for (int k = 0; k < voxels.length; k += 97) {
                voxels[k] = (float) random.nextInt(4);
                expected += voxels[k];
            }
            Image im = new Image(voxels, 1, side, side, side, null);
            SampleFiles.write(new Sample(String.format("v%05d", i), Map.of("image", im), -1, null, null, null, null, null, true),
                    folder.resolve(String.format("v%05d.bin", i)));
        }
        Path log = dir.resolve("stream.log");
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), StreamThrough.class.getName(), folder.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "streaming finishes");
        String out = Files.readString(log).trim();
        assertEquals(0, p.exitValue(), out);
        List<String> parts = List.of(out.split(" "));
        assertEquals(String.valueOf(n), parts.get(0));
        assertEquals(expected, Double.parseDouble(parts.get(1)), 1e-6);
    }
}
