package io.kdbench.metrics.surface;

import io.kdbench.data.LabelMap;

/**
 * Spheres voxelised exactly as MONAI's {@code create_spherical_seg_3d}: voxel (i, j, k) is inside when
 * (i*s0 - c0)^2 + (j*s1 - c1)^2 + (k*s2 - c2)^2 <= r^2, with axis 0 = z, 1 = y, 2 = x.
 */
public final class Spheres {
    private Spheres() {
    }

    public static LabelMap sphere(int size, double radius, double[] centre, double[] spacing) {
        return sphere(size, radius, centre, spacing, 1);
    }

    public static LabelMap sphere(int size, double radius, double[] centre, double[] spacing, int label) {
        byte[] v = new byte[size * size * size];
        for (int z = 0; z < size; z++) {
            double dz = z * spacing[0] - centre[0];
            for (int y = 0; y < size; y++) {
                double dy = y * spacing[1] - centre[1];
                for (int x = 0; x < size; x++) {
                    double dx = x * spacing[2] - centre[2];
                    if (dx * dx + dy * dy + dz * dz <= radius * radius) {
                        v[(z * size + y) * size + x] = (byte) label;
                    }
                }
            }
        }
        return new LabelMap(v, size, size, size, spacing);
    }

    public static LabelMap sphere(int size, double radius, double... centre) {
        return sphere(size, radius, centre, new double[] {1, 1, 1});
    }
}
