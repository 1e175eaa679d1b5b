package io.kdbench.io;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A single-file NIfTI-1 volume ({@code .nii}, or gzip-compressed {@code .nii.gz}): the 348-byte header read in
 * either byte order, voxels of type uint8, int8, int16, uint16, int32, uint32, float32 or float64 at
 * {@code vox_offset}, scaled by {@code scl_slope}/{@code scl_inter} when the slope is set. The voxel order is
 * NIfTI's (x fastest, then y, then z), which is kdbench's index order with x = width, y = height, z = depth;
 * spacing comes from pixdim[1..3]. Orientation is read but not applied: {@code direction} gives the world
 * direction of each voxel axis (from the sform when its code is set, else the qform, else identity), and the
 * codes are kept so a caller can tell whether two files share a frame.
 *
 * @param data      voxel values after scaling, index (z * height + y) * width + x
 * @param spacing   (z, y, x) from pixdim[3], pixdim[2], pixdim[1] (1 where pixdim is 0 or absent)
 * @param datatype  NIfTI datatype code of the stored voxels
 * @param qformCode 0 if the file has no qform
 * @param sformCode 0 if the file has no sform
 * @param direction 3x3 row-major, row = world axis (x, y, z as RAS+), column = voxel axis (i, j, k); each column
 *                  has unit length
 */
public record NiftiFile(float[] data, int depth, int height, int width, double[] spacing, int datatype,
                        int qformCode, int sformCode, double[] direction) {

    static final int HEADER_SIZE = 348;
    static final int UINT8 = 2;
    static final int INT16 = 4;
    static final int INT32 = 8;
    static final int FLOAT32 = 16;
    static final int FLOAT64 = 64;
    static final int INT8 = 256;
    static final int UINT16 = 512;
    static final int UINT32 = 768;

    /**
     * Reads a file.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not a NIfTI-1 single-file volume kdbench can use (the message says
     *                                  what is wrong, not which file: callers add that)
     */
    public static NiftiFile read(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = open(path)) {
            bytes = in.readAllBytes();
        }
        return parse(bytes);
    }

    private static InputStream open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        return path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    static NiftiFile parse(byte[] bytes) {
        if (bytes.length < HEADER_SIZE) {
            throw new IllegalArgumentException("too short for a NIfTI-1 header (" + bytes.length + " bytes)");
        }
        ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != HEADER_SIZE) {
            h.order(ByteOrder.BIG_ENDIAN);
            if (h.getInt(0) != HEADER_SIZE) {
                throw new IllegalArgumentException("not a NIfTI-1 file (sizeof_hdr is not 348 in either byte order)");
            }
        }
        String magic = new String(bytes, 344, 3, java.nio.charset.StandardCharsets.US_ASCII);
        if (!magic.equals("n+1")) {
            throw new IllegalArgumentException("NIfTI magic is '" + magic + "'; only single-file 'n+1' is supported");
        }
        int ndim = h.getShort(40);
        if (ndim < 1 || ndim > 7) {
            throw new IllegalArgumentException("dim[0] = " + ndim + " is not 1..7");
        }
        int[] dim = new int[8];
        for (int i = 1; i <= 7; i++) {
            dim[i] = i <= ndim ? h.getShort(40 + 2 * i) : 1;
            if (dim[i] < 1) {
                throw new IllegalArgumentException("dim[" + i + "] = " + dim[i] + " is not positive");
            }
        }
        for (int i = 4; i <= 7; i++) {
            if (dim[i] != 1) {
                throw new IllegalArgumentException("a " + ndim + "-D volume with dim[" + i + "] = " + dim[i]
                        + "; only 2-D and 3-D volumes are supported");
            }
        }
        int width = dim[1];
        int height = dim[2];
        int depth = dim[3];
        int datatype = h.getShort(70);
        double[] spacing = {pixdim(h, 3, ndim), pixdim(h, 2, ndim), pixdim(h, 1, ndim)};
        long offset = (long) h.getFloat(108);
        float slope = h.getFloat(112);
        float inter = h.getFloat(116);
        int qform = h.getShort(252);
        int sform = h.getShort(254);
        long n = (long) width * height * depth;
        int size = bytesPer(datatype);
        if (offset < HEADER_SIZE || offset + n * size > bytes.length) {
            throw new IllegalArgumentException("holds " + (bytes.length - offset) + " bytes of voxels after vox_offset "
                    + offset + ", the header needs " + n * size + " (" + width + "x" + height + "x" + depth + ")");
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many voxels: " + n);
        }
        float[] data = new float[(int) n];
        h.position((int) offset);
        ByteBuffer v = h.slice().order(h.order());
        boolean scaled = slope != 0 && Float.isFinite(slope) && !(slope == 1 && inter == 0);
        for (int i = 0; i < data.length; i++) {
            double value = switch (datatype) {
                case UINT8 -> v.get(i) & 0xFF;
                case INT8 -> v.get(i);
                case INT16 -> v.getShort(2 * i);
                case UINT16 -> v.getShort(2 * i) & 0xFFFF;
                case INT32 -> v.getInt(4 * i);
                case UINT32 -> v.getInt(4 * i) & 0xFFFFFFFFL;
                case FLOAT32 -> v.getFloat(4 * i);
                case FLOAT64 -> v.getDouble(8 * i);
                default -> throw new AssertionError(datatype);
            };
            data[i] = (float) (scaled ? value * slope + inter : value);
        }
        return new NiftiFile(data, depth, height, width, spacing, datatype, qform, sform, direction(h, qform, sform));
    }

    /** Direction cosines from srow_x/y/z (sform) or the quaternion and qfac (qform), columns normalised. */
    private static double[] direction(ByteBuffer h, int qform, int sform) {
        double[] m = new double[9];
        if (sform > 0) {
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[3 * r + c] = h.getFloat(280 + 16 * r + 4 * c);
                }
            }
        } else if (qform > 0) {
            double b = h.getFloat(256);
            double c = h.getFloat(260);
            double d = h.getFloat(264);
            double a = Math.sqrt(Math.max(0, 1 - (b * b + c * c + d * d)));
            double qfac = h.getFloat(76) < 0 ? -1 : 1;
            double[] r = {
                    a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
                    2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
                    2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b};
            System.arraycopy(r, 0, m, 0, 9);
            for (int row = 0; row < 3; row++) {
                m[3 * row + 2] *= qfac;
            }
        } else {
            return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        }
        for (int col = 0; col < 3; col++) {
            double len = Math.sqrt(m[col] * m[col] + m[3 + col] * m[3 + col] + m[6 + col] * m[6 + col]);
            if (!(len > 0) || !Double.isFinite(len)) { // e.g. a 2-D file with an empty third column: no usable frame
                return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
            }
            for (int row = 0; row < 3; row++) {
                m[3 * row + col] /= len;
            }
        }
        return m;
    }

    private static double pixdim(ByteBuffer h, int axis, int ndim) {
        float p = axis <= ndim ? Math.abs(h.getFloat(76 + 4 * axis)) : 0f;
        return p > 0 && Float.isFinite(p) ? p : 1.0;
    }

    private static int bytesPer(int datatype) {
        return switch (datatype) {
            case UINT8, INT8 -> 1;
            case INT16, UINT16 -> 2;
            case INT32, UINT32, FLOAT32 -> 4;
            case FLOAT64 -> 8;
            default -> throw new IllegalArgumentException("NIfTI datatype " + datatype + " is not supported "
                    + "(uint8, int8, int16, uint16, int32, uint32, float32, float64 are)");
        };
    }

    /** The volume as a one-channel image. */
    public Image toImage() {
        return new Image(data, 1, depth, height, width, spacing);
    }

    /**
     * The volume as labels.
     *
     * @throws IllegalArgumentException naming the first voxel that is not an integer in 0..255
     */
    public LabelMap toLabelMap() {
        byte[] labels = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            float v = data[i];
            if (!(v >= 0 && v <= LabelMap.MAX_LABEL && v == Math.rint(v))) {
                int x = i % width;
                int y = (i / width) % height;
                int z = i / (width * height);
                throw new IllegalArgumentException("voxel (x=" + x + ", y=" + y + ", z=" + z + ") is " + v
                        + "; labels must be integers 0.." + LabelMap.MAX_LABEL);
            }
            labels[i] = (byte) (int) v;
        }
        return new LabelMap(labels, depth, height, width, spacing);
    }

    /** Writes labels as uint8, little-endian, gzip-compressed if the name ends in .gz; no orientation. */
    public static void write(Path path, LabelMap map) throws IOException {
        ByteBuffer b = header(map.depth(), map.height(), map.width(), map.spacing(), UINT8, 8, map.size());
        b.put(map.labels());
        save(path, b);
    }

    /** Writes the first channel of an image as float32, little-endian, gzip-compressed if the name ends in .gz. */
    public static void write(Path path, Image image) throws IOException {
        int n = image.voxels();
        ByteBuffer b = header(image.depth(), image.height(), image.width(), image.spacing(), FLOAT32, 32, 4L * n);
        for (int i = 0; i < n; i++) {
            b.putFloat(image.data()[i]);
        }
        save(path, b);
    }

    /**
     * Writes the first channel of an image as int16 (values rounded and clipped to -32768..32767), little-endian,
     * gzip-compressed if the name ends in .gz: the storage type of most scanner volumes.
     */
    public static void writeInt16(Path path, Image image) throws IOException {
        int n = image.voxels();
        ByteBuffer b = header(image.depth(), image.height(), image.width(), image.spacing(), INT16, 16, 2L * n);
        for (int i = 0; i < n; i++) {
            b.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(image.data()[i]))));
        }
        save(path, b);
    }

    private static ByteBuffer header(int depth, int height, int width, double[] spacing, int datatype, int bitpix,
                                     long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate((int) (352 + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, HEADER_SIZE);
        b.putShort(40, (short) (depth > 1 ? 3 : 2));
        b.putShort(42, (short) width);
        b.putShort(44, (short) height);
        b.putShort(46, (short) depth);
        for (int i = 4; i <= 7; i++) {
            b.putShort(40 + 2 * i, (short) 1);
        }
        b.putShort(70, (short) datatype);
        b.putShort(72, (short) bitpix);
        b.putFloat(76, 1f);
        b.putFloat(80, (float) spacing[2]);
        b.putFloat(84, (float) spacing[1]);
        b.putFloat(88, (float) spacing[0]);
        b.putFloat(108, 352f);
        b.putFloat(112, 1f);
        b.put(123, (byte) 10); // xyzt_units: mm and seconds
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        b.position(352);
        return b;
    }

    private static void save(Path path, ByteBuffer b) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
             OutputStream out = path.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16)
                     : raw) {
            out.write(b.array());
        }
    }
}
