package io.kdbench.bench;

import io.kdbench.data.LabelMap;

/** Benchmark inputs. */
final class Volumes {
    private Volumes() {
    }

    /** A label-1 ball of the given radius centred in a size^3 unit-spacing volume, offset by {@code shift} in x. */
    static LabelMap ball(int size, double radius, int shift) {
        byte[] v = new byte[size * size * size];
        double c = size / 2.0;
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double dz = z - c;
                    double dy = y - c;
                    double dx = x - c - shift;
                    if (dx * dx + dy * dy + dz * dz <= radius * radius) {
                        v[(z * size + y) * size + x] = 1;
                    }
                }
            }
        }
        return new LabelMap(v, size, size, size, null);
    }
}
