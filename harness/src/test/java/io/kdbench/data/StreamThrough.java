package io.kdbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run in a small-heap JVM by {@link LazySamplesTest}: reads every sample file of a folder through
 * {@link LazySamples} in batches of 16, as a training loop would, and prints the count and the sum of all voxels.
 */
public final class StreamThrough {
    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.sorted().toList();
        }
        Splits splits = new Splits(LazySamples.onDisk(files), List.of(), List.of(), List.of());
        double sum = 0;
        int count = 0;
        for (int start = 0; start < splits.train().size(); start += 16) {
            for (int i = start; i < Math.min(start + 16, splits.train().size()); i++) {
                for (float v : splits.train().get(i).image("image").data()) {
                    sum += v;
                }
                count++;
            }
        }
        System.out.println(count + " " + sum);
    }
}
