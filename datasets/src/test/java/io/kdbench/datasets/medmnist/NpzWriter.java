package io.kdbench.datasets.medmnist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes .npy arrays and .npz archives the way NumPy does (format 1.0, header padded to 64 bytes), for tests.
 * Independent of the reader: elements are laid out here from their C-order values.
 */
final class NpzWriter {
    private final Map<String, byte[]> arrays = new LinkedHashMap<>();

    /** @param values the elements in C order; written in Fortran order when {@code fortran} */
    static byte[] npy(String descr, boolean fortran, int[] shape, double[] values) {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String tuple = shape.length == 1 ? shape[0] + "," : dims.length() == 0 ? "" : dims.substring(0, dims.length() - 2);
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
                + tuple + "), }";
        int total = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        int size = descr.charAt(2) - '0';
        ByteBuffer data = ByteBuffer.allocate(values.length * size)
                .order(descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < values.length; k++) {
            double v = values[fortran ? cIndexOfFortran(k, shape) : k];
            switch (descr.substring(1)) {
                case "f4" -> data.putFloat((float) v);
                case "f8" -> data.putDouble(v);
                default -> {
                    long x = (long) v;
                    switch (size) {
                        case 1 -> data.put((byte) x);
                        case 2 -> data.putShort((short) x);
                        case 4 -> data.putInt((int) x);
                        default -> data.putLong(x);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    /** The C-order index of the k-th element in Fortran order (first axis fastest). */
    private static int cIndexOfFortran(int k, int[] shape) {
        int[] idx = new int[shape.length];
        for (int a = 0; a < shape.length; a++) {
            idx[a] = k % shape[a];
            k /= shape[a];
        }
        int c = 0;
        for (int a = 0; a < shape.length; a++) {
            c = c * shape[a] + idx[a];
        }
        return c;
    }

    /** The .npy bytes of each array by name, in the order added. */
    Map<String, byte[]> arrays() {
        return arrays;
    }

    NpzWriter add(String name, byte[] npy) {
        arrays.put(name, npy);
        return this;
    }

    NpzWriter add(String name, String descr, int[] shape, double[] values) {
        return add(name, npy(descr, false, shape, values));
    }

    /** Deflated, as np.savez_compressed writes it. */
    Path write(Path file) throws IOException {
        try (OutputStream f = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(f)) {
            for (Map.Entry<String, byte[]> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /**
     * A file in the official MedMNIST layout: {@code counts} images per split (train, val, test) of {@code imageShape}
     * (after N), uint8 pixel k of image i = (i * 7 + k) % 256, labels (N, columns) from {@code label(i, j)}.
     */
    static NpzWriter medmnist(int[] counts, int[] imageShape, int columns, java.util.function.IntBinaryOperator label) {
        NpzWriter w = new NpzWriter();
        String[] splits = {"train", "val", "test"};
        int offset = 0;
        for (int s = 0; s < 3; s++) {
            int n = counts[s];
            int[] shape = new int[imageShape.length + 1];
            shape[0] = n;
            System.arraycopy(imageShape, 0, shape, 1, imageShape.length);
            int per = 1;
            for (int d : imageShape) {
                per *= d;
            }
            double[] pixels = new double[n * per];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < per; k++) {
                    pixels[i * per + k] = ((offset + i) * 7 + k) % 256;
                }
            }
            double[] labels = new double[n * columns];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < columns; j++) {
                    labels[i * columns + j] = label.applyAsInt(offset + i, j);
                }
            }
            w.add(splits[s] + "_images", "|u1", shape, pixels);
            w.add(splits[s] + "_labels", "|u1", new int[] {n, columns}, labels);
            offset += n;
        }
        return w;
    }
}
