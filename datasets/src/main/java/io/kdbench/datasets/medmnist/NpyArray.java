package io.kdbench.datasets.medmnist;

import java.nio.ByteBuffer;

/**
 * One array of a {@code .npy} file: its element type, shape and bytes as stored. Elements are addressed by their
 * index in C (row-major) order whatever the storage order, so callers never see Fortran order.
 *
 * @param kind  'u' unsigned, 'i' signed, 'f' floating point, 'b' boolean
 * @param shape dimensions, outermost first
 * @param data  the elements, ordered by the file's byte order, position 0 at the first element
 */
public record NpyArray(char kind, int itemSize, int[] shape, boolean fortranOrder, ByteBuffer data) {

    public long size() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public int rank() {
        return shape.length;
    }

    public boolean isInteger() {
        return kind == 'u' || kind == 'i' || kind == 'b';
    }

    /** The element at C-order index {@code index}, as a double (64-bit integers beyond 2^53 lose precision). */
    public double get(long index) {
        int at = Math.toIntExact(storageIndex(index) * itemSize);
        return switch (kind) {
            case 'f' -> itemSize == 4 ? data.getFloat(at) : data.getDouble(at);
            case 'u' -> switch (itemSize) {
                case 1 -> data.get(at) & 0xff;
                case 2 -> data.getShort(at) & 0xffff;
                case 4 -> data.getInt(at) & 0xffffffffL;
                default -> unsignedLong(data.getLong(at));
            };
            default -> switch (itemSize) { // 'i' and 'b'
                case 1 -> data.get(at);
                case 2 -> data.getShort(at);
                case 4 -> data.getInt(at);
                default -> data.getLong(at);
            };
        };
    }

    private static double unsignedLong(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2 + (v & 1);
    }

    /** Where C-order element {@code index} lies in storage: itself, or its Fortran (column-major) position. */
    private long storageIndex(long index) {
        if (!fortranOrder || shape.length < 2) {
            return index;
        }
        long cStride = size();
        long fStride = 1;
        long at = 0;
        long rest = index;
        for (int d : shape) { // C-order digits come outermost first; Fortran strides grow from the first axis
            cStride /= d;
            at += rest / cStride * fStride;
            rest %= cStride;
            fStride *= d;
        }
        return at;
    }
}
