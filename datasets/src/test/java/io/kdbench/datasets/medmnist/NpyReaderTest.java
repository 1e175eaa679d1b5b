package io.kdbench.datasets.medmnist;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known arrays, in every byte layout MedMNIST-style files use, read back to their values in C order. */
class NpyReaderTest {
    private static final double[] TWO_BY_THREE = {1, 2, 3, 4, 5, 6}; // [[1, 2, 3], [4, 5, 6]]

    private static NpyArray read(byte[] bytes) throws IOException {
        return NpyReader.read(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
    }

    private static double[] values(NpyArray a) {
        double[] v = new double[(int) a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i);
        }
        return v;
    }

    /** A .npy spelled out byte by byte: uint16, big-endian, Fortran order, so the bytes are 1 4 2 5 3 6. */
    @Test
    void handWrittenBigEndianFortranBytes() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String header = "{'descr': '>u2', 'fortran_order': True, 'shape': (2, 3), }\n";
        b.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        b.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {0, 1, 0, 4, 0, 2, 0, 5, 0, 3, 0, 6});
        NpyArray a = read(b.toByteArray());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(TWO_BY_THREE, values(a));
    }

    @Test
    void everyTypeByteOrderAndStorageOrderReadsTheSameValues() throws IOException {
        for (String descr : new String[] {"|u1", ">u1", "<u2", ">i2", "<i4", ">u4", "<i8", ">i8", "<f4", ">f8", "|b1"}) {
            double[] expected = descr.equals("|b1") ? new double[] {1, 0, 1, 1, 0, 0} : TWO_BY_THREE;
            for (boolean fortran : new boolean[] {false, true}) {
                NpyArray a = read(NpzWriter.npy(descr, fortran, new int[] {2, 3}, expected));
                assertArrayEquals(expected, values(a), descr + (fortran ? " Fortran" : " C"));
            }
        }
    }

    @Test
    void threeAxesInFortranOrderAndLargeUnsignedValues() throws IOException {
        double[] v = new double[2 * 3 * 4];
        Arrays.setAll(v, i -> i * 10);
        assertArrayEquals(v, values(read(NpzWriter.npy("<i4", true, new int[] {2, 3, 4}, v))));
        NpyArray u = read(NpzWriter.npy("<u2", false, new int[] {2}, new double[] {65535, 40000}));
        assertArrayEquals(new double[] {65535, 40000}, values(u));
        NpyArray scalarShape = read(NpzWriter.npy("<u1", false, new int[] {3}, new double[] {7, 8, 9}));
        assertArrayEquals(new int[] {3}, scalarShape.shape());
    }

    @Test
    void maxRecordsReadsTheFirstRowsOnly() throws IOException {
        NpyArray a = NpyReader.read(new ByteArrayInputStream(NpzWriter.npy("|u1", false, new int[] {2, 3},
                TWO_BY_THREE)), 1);
        assertArrayEquals(new int[] {1, 3}, a.shape());
        assertArrayEquals(new double[] {1, 2, 3}, values(a));
    }

    private static String refused(byte[] bytes) {
        return assertThrows(IllegalArgumentException.class, () -> read(bytes)).getMessage();
    }

    @Test
    void malformedFilesSayWhatIsWrong() {
        byte[] good = NpzWriter.npy("<u2", false, new int[] {2, 3}, TWO_BY_THREE);
        assertTrue(refused("PK\3\4 a zip".getBytes(StandardCharsets.ISO_8859_1)).contains("does not start with \\x93NUMPY"));
        assertTrue(refused(Arrays.copyOf(good, good.length - 1)).contains("truncated: it ends inside the 12 bytes of "
                + "elements of shape [2, 3]"));
        assertTrue(refused(Arrays.copyOf(good, 9)).contains("truncated"));
        byte[] v9 = good.clone();
        v9[6] = 9;
        assertTrue(refused(v9).contains("version 9 is unknown"));
        assertTrue(refused(swap(good, "<u2", "<U2")).contains("element type '<U2' is not read"));
        assertTrue(refused(swap(good, "<u2", "<c8")).contains("element type '<c8' is not read"));
        assertTrue(refused(swap(good, "'shape': (2, 3)", "'shapes': (2, 3)")).contains("has no 'shape'"));
        assertTrue(refused(swap(good, "'shape': (2, 3)", "'shape': (2, x)")).contains("not a tuple of whole numbers"));
    }

    /** The same bytes with one header text replaced by another of the same length. */
    private static byte[] swap(byte[] npy, String from, String to) {
        String s = new String(npy, StandardCharsets.ISO_8859_1);
        assertTrue(s.contains(from));
        return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
