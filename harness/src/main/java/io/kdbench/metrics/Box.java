package io.kdbench.metrics;

/**
 * An axis-aligned box of voxels, bounds inclusive, in (z, y, x) index space. 2-D boxes have z0 = z1 = 0.
 */
public record Box(int z0, int z1, int y0, int y1, int x0, int x1) {

    public int depth() {
        return z1 - z0 + 1;
    }

    public int height() {
        return y1 - y0 + 1;
    }

    public int width() {
        return x1 - x0 + 1;
    }

    public long voxels() {
        return (long) depth() * height() * width();
    }

    /** This box grown by {@code margin} on each side of y and x, and of z when {@code alongZ}; not clipped. */
    public Box grow(int margin, boolean alongZ) {
        int mz = alongZ ? margin : 0;
        return new Box(z0 - mz, z1 + mz, y0 - margin, y1 + margin, x0 - margin, x1 + margin);
    }

    /** Intersection over union of the two boxes' voxel sets. */
    public double iou(Box other) {
        long iz = Math.max(0, Math.min(z1, other.z1) - Math.max(z0, other.z0) + 1);
        long iy = Math.max(0, Math.min(y1, other.y1) - Math.max(y0, other.y0) + 1);
        long ix = Math.max(0, Math.min(x1, other.x1) - Math.max(x0, other.x0) + 1);
        long inter = iz * iy * ix;
        return (double) inter / (voxels() + other.voxels() - inter);
    }
}
