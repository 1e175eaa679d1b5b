package io.kdbench.io;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NiftiFileTest {
    @TempDir
    Path dir;

    private static LabelMap sample() {
        byte[] v = new byte[2 * 3 * 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (i % 3 == 0 ? 200 : i % 3);
        }
        return new LabelMap(v, 2, 3, 4, new double[] {2.5, 0.8, 0.7});
    }

    @Test
    void labelMapsRoundTripPlainAndCompressed() throws IOException {
        for (String name : new String[] {"a.nii", "a.nii.gz"}) {
            Path p = dir.resolve(name);
            NiftiFile.write(p, sample());
            NiftiFile f = NiftiFile.read(p);
            assertEquals(NiftiFile.UINT8, f.datatype());
            LabelMap back = f.toLabelMap();
            assertArrayEquals(sample().labels(), back.labels());
            assertArrayEquals(new double[] {2.5, 0.8, 0.7}, back.spacing(), 1e-6);
            assertEquals(0, f.qformCode());
        }
        assertTrue(Files.size(dir.resolve("a.nii.gz")) < Files.size(dir.resolve("a.nii")));
    }

    @Test
    void floatImagesRoundTrip() throws IOException {
        Path p = dir.resolve("img.nii");
        float[] data = {0.5f, -1.25f, 3f, 7.75f, 1e-3f, 42f};
        NiftiFile.write(p, new Image(data, 1, 1, 2, 3, new double[] {1, 0.5, 0.25}));
        Image back = NiftiFile.read(p).toImage();
        assertArrayEquals(data, back.data());
        assertEquals(2, back.height());
        assertEquals(3, back.width());
    }

    @Test
    void int16ImagesRoundTripRounded() throws IOException {
        Path p = dir.resolve("img16.nii.gz");
        float[] data = {1000.4f, 1299.6f, -3f, 40000f, -40000f, 0f, 7f, 8f};
        NiftiFile.writeInt16(p, new Image(data, 1, 2, 2, 2, new double[] {3, 1, 1}));
        NiftiFile f = NiftiFile.read(p);
        assertEquals(NiftiFile.INT16, f.datatype());
        assertArrayEquals(new float[] {1000f, 1300f, -3f, 32767f, -32768f, 0f, 7f, 8f}, f.toImage().data());
        assertArrayEquals(new double[] {3, 1, 1}, f.spacing(), 1e-6);
    }

    /** A big-endian int16 volume with scl_slope 2, scl_inter 1, vox_offset 400 and sform code 1, built by hand. */
    @Test
    void bigEndianScaledInt16WithOffset() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(400 + 2 * 4).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0, 348);
        b.putShort(40, (short) 3).putShort(42, (short) 2).putShort(44, (short) 2).putShort(46, (short) 1);
        b.putShort(70, (short) 4).putShort(72, (short) 16);
        b.putFloat(80, 0.9f).putFloat(84, 1.1f).putFloat(88, 3f);
        b.putFloat(108, 400f).putFloat(112, 2f).putFloat(116, 1f);
        b.putShort(254, (short) 1);
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        b.putShort(400, (short) 0).putShort(402, (short) -1).putShort(404, (short) 1).putShort(406, (short) 300);
        Path p = dir.resolve("be.nii");
        Files.write(p, b.array());
        NiftiFile f = NiftiFile.read(p);
        assertArrayEquals(new float[] {1, -1, 3, 601}, f.data());
        assertArrayEquals(new double[] {3, 1.1, 0.9}, f.spacing(), 1e-6); // (z, y, x) = pixdim[3], [2], [1]
        assertEquals(1, f.sformCode());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, f::toLabelMap);
        assertTrue(e.getMessage().contains("-1.0") && e.getMessage().contains("integers 0..255"), e.getMessage());
    }

    /** qform: quaternion (b, c, d) = (0, 0, 1) is 180 degrees about z (i to Left, j to Posterior); qfac -1 flips k. */
    @Test
    void directionFromTheQformAndIdentityWithoutOne() throws IOException {
        Path p = dir.resolve("q.nii");
        NiftiFile.write(p, sample());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, NiftiFile.read(p).direction(), 0);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(252, (short) 1).putFloat(264, 1f).putFloat(76, -1f);
        Files.write(p, b.array());
        NiftiFile f = NiftiFile.read(p);
        assertEquals(1, f.qformCode());
        assertArrayEquals(new double[] {-1, 0, 0, 0, -1, 0, 0, 0, -1}, f.direction(), 1e-12);
        assertArrayEquals(new double[] {2.5, 0.8, 0.7}, f.spacing(), 1e-6); // qfac does not change spacing
    }

    @Test
    void problemsAreNamed() throws IOException {
        Path p = dir.resolve("junk.nii");
        Files.write(p, new byte[400]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NiftiFile.read(p)).getMessage()
                .contains("sizeof_hdr"));
        Path q = dir.resolve("short.nii");
        NiftiFile.write(q, sample());
        byte[] bytes = Files.readAllBytes(q);
        Files.write(q, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NiftiFile.read(q)).getMessage()
                .contains("bytes of voxels"));
    }
}
