package io.kdbench.datasets.medmnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes {@code examples/medmnist/tinymnist.npz}, a stand-in for a MedMNIST file in the official layout: 16x16 gray
 * uint8 images, train 48 / val 16 / test 16, labels (N, 1) uint8, class 1 ("lesion") with a bright disc on noise.
 * Regenerate with {@code -Dkdbench.writeExample=true} (MedmnistExampleTest); the test checks the committed arrays.
 */
final class ExampleMedmnistWriter {
    static final int SIZE = 16;
    static final int[] COUNTS = {48, 16, 16};

    private ExampleMedmnistWriter() {
    }

    static NpzWriter arrays() {
        SplittableRandom rng = new SplittableRandom(2026);
        NpzWriter w = new NpzWriter();
        String[] splits = {"train", "val", "test"};
        for (int s = 0; s < 3; s++) {
            int n = COUNTS[s];
            double[] pixels = new double[n * SIZE * SIZE];
            double[] labels = new double[n];
            for (int i = 0; i < n; i++) {
                boolean lesion = i % 2 == 1;
                int cy = 4 + rng.nextInt(8);
                int cx = 4 + rng.nextInt(8);
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        double v = 60 + 25 * rng.nextGaussian() + (lesion && Math.hypot(y - cy, x - cx) <= 3 ? 120 : 0);
                        pixels[(i * SIZE + y) * SIZE + x] = Math.max(0, Math.min(255, Math.round(v)));
                    }
                }
                labels[i] = lesion ? 1 : 0;
            }
            w.add(splits[s] + "_images", "|u1", new int[] {n, SIZE, SIZE}, pixels);
            w.add(splits[s] + "_labels", "|u1", new int[] {n, 1}, labels);
        }
        return w;
    }

    static Path write(Path file) throws IOException {
        return arrays().write(file);
    }
}
