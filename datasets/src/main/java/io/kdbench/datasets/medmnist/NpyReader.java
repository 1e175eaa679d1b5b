package io.kdbench.datasets.medmnist;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy's {@code .npy} format (versions 1 to 3): the magic {@code \x93NUMPY}, a version, a header length, a
 * Python dict literal with {@code descr}, {@code fortran_order} and {@code shape}, then the raw elements. Plain
 * numeric types only (bool, int and uint of 1 to 8 bytes, float32 and float64), either byte order, C or Fortran
 * order. Anything else is an {@link IllegalArgumentException} saying what was found and what was expected.
 */
public final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern TYPE = Pattern.compile("([<>|=])([buif])([1248])");

    private NpyReader() {
    }

    /**
     * @param maxRecords read at most this many entries along the first axis (C order only: they are the first
     *                   bytes); {@code Long.MAX_VALUE} for all
     */
    public static NpyArray read(InputStream stream, long maxRecords) throws IOException {
        try {
            return readArray(new DataInputStream(stream), maxRecords);
        } catch (EOFException e) {
            throw new IllegalArgumentException("the .npy array is truncated: it ends inside its header");
        }
    }

    private static NpyArray readArray(DataInputStream in, long maxRecords) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        readFully(in, magic, "the magic string");
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("not a .npy array (it does not start with \\x93NUMPY)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        long headerLength = switch (major) {
            case 1 -> Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
            case 2, 3 -> Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            default -> throw new IllegalArgumentException(".npy format version " + major + " is unknown (1 to 3 are read)");
        };
        if (headerLength > 1 << 20) {
            throw new IllegalArgumentException(".npy header of " + headerLength + " bytes is implausibly long");
        }
        byte[] headerBytes = new byte[(int) headerLength];
        readFully(in, headerBytes, "the header");
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        Matcher descr = find(DESCR, header, "'descr' (e.g. '<u1')");
        Matcher type = TYPE.matcher(descr.group(1));
        if (!type.matches() || type.group(2).equals("f") && type.group(3).compareTo("4") < 0
                || type.group(2).equals("b") && !type.group(3).equals("1")) {
            throw new IllegalArgumentException("element type '" + descr.group(1) + "' is not read; expected bool, "
                    + "int or uint of 1 to 8 bytes, float32 or float64 (e.g. '|u1', '<i8', '>f4')");
        }
        boolean fortran = find(FORTRAN, header, "'fortran_order' (True or False)").group(1).equals("True");
        int[] shape = shape(find(SHAPE, header, "'shape' (a tuple)").group(1));
        char kind = type.group(2).charAt(0);
        int itemSize = Integer.parseInt(type.group(3));
        ByteOrder order = type.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;

        if (shape.length > 0 && shape[0] > maxRecords) {
            if (fortran) {
                throw new IllegalArgumentException("max_per_split needs C order; this array is stored in Fortran order");
            }
            shape[0] = (int) maxRecords;
        }
        long bytes = itemSize;
        for (int d : shape) {
            bytes = Math.multiplyExact(bytes, d);
        }
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the array " + Arrays.toString(shape) + " is " + bytes
                    + " bytes; at most 2 GiB is read at once (a smaller image size, or max_per_split, helps)");
        }
        byte[] data = new byte[(int) bytes];
        readFully(in, data, "the " + bytes + " bytes of elements of shape " + Arrays.toString(shape));
        return new NpyArray(kind, itemSize, shape, fortran, ByteBuffer.wrap(data).order(order));
    }

    private static Matcher find(Pattern p, String header, String expected) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("the .npy header has no " + expected + ": " + header.trim());
        }
        return m;
    }

    private static int[] shape(String tuple) {
        String[] parts = tuple.split(",");
        int n = tuple.isBlank() ? 0 : parts.length; // "5," splits to one part, "" to none
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            try {
                shape[i] = Integer.parseInt(parts[i].trim().replaceFirst("L$", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the .npy shape (" + tuple + ") is not a tuple of whole numbers");
            }
            if (shape[i] < 0) {
                throw new IllegalArgumentException("the .npy shape (" + tuple + ") has a negative dimension");
            }
        }
        return shape;
    }

    private static void readFully(DataInputStream in, byte[] into, String what) throws IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new IllegalArgumentException("the .npy array is truncated: it ends inside " + what);
        }
    }
}
