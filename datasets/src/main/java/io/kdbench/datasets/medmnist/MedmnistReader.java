package io.kdbench.datasets.medmnist;

import io.kdbench.api.BadDataException;
import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a MedMNIST v2 {@code .npz}: for each official split {@code S} in train, val, test the arrays
 * {@code S_images} (N, H, W) gray, (N, H, W, C) with C up to 4 colour, (N, D, H, W) volumes or (N, D, H, W, C), and
 * {@code S_labels} (N) or (N, 1) one class index, or (N, K) K 0/1 columns (multi-label, as chestmnist). Ordinal tasks
 * (retinamnist) are classes in order. uint8 intensities are divided by 255. Every problem is a
 * {@link BadDataException} naming the file and the array.
 */
final class MedmnistReader {
    static final List<String> SPLITS = List.of("train", "val", "test");
    static final String MODALITY = "image";

    /** What the file holds: the task its labels define, class names, and the three official splits. */
    record Data(Task task, List<String> classes, List<Sample> train, List<Sample> val, List<Sample> test) {
    }

    private final MedmnistSettings settings;

    MedmnistReader(MedmnistSettings settings) {
        this.settings = settings;
    }

    Data read() {
        Path file = settings.file();
        long max = settings.maxPerSplit() == 0 ? Long.MAX_VALUE : settings.maxPerSplit();
        List<NpyArray> images = new ArrayList<>();
        List<NpyArray> labels = new ArrayList<>();
        try (NpzFile npz = new NpzFile(file)) {
            for (String split : SPLITS) {
                images.add(npz.array(split + "_images", max));
                labels.add(npz.array(split + "_labels", max));
            }
            return build(images, labels);
        } catch (IOException e) {
            throw new BadDataException(file + ": cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadDataException(file + ": " + e.getMessage());
        }
    }

    private Data build(List<NpyArray> images, List<NpyArray> labels) {
        int[] record = recordShape(images.get(0), "train_images");
        int columns = labelColumns(labels.get(0), images.get(0), "train");
        for (int s = 0; s < SPLITS.size(); s++) {
            String split = SPLITS.get(s);
            int[] other = recordShape(images.get(s), split + "_images");
            if (!Arrays.equals(other, record)) {
                throw new IllegalArgumentException(split + "_images holds images of shape " + Arrays.toString(other)
                        + " but train_images " + Arrays.toString(record));
            }
            if (labelColumns(labels.get(s), images.get(s), split) != columns) {
                throw new IllegalArgumentException(split + "_labels has " + labelColumns(labels.get(s), images.get(s), split)
                        + " column(s) but train_labels " + columns);
            }
            if (images.get(s).shape()[0] == 0) {
                throw new IllegalArgumentException(split + "_images is empty; every official split needs images");
            }
        }
        Task task = columns == 1 ? Task.CLASSIFICATION : Task.MULTILABEL_CLASSIFICATION;
        List<String> classes = classes(labels, columns);
        List<List<Sample>> splits = new ArrayList<>();
        for (int s = 0; s < SPLITS.size(); s++) {
            splits.add(samples(SPLITS.get(s), images.get(s), labels.get(s), task, classes.size()));
        }
        return new Data(task, classes, splits.get(0), splits.get(1), splits.get(2));
    }

    /** One image's shape as (channels, depth, height, width). */
    private static int[] recordShape(NpyArray a, String name) {
        int[] s = a.shape();
        return switch (s.length) {
            case 3 -> new int[] {1, 1, s[1], s[2]};
            case 4 -> s[3] <= 4 ? new int[] {s[3], 1, s[1], s[2]} : new int[] {1, s[1], s[2], s[3]};
            case 5 -> new int[] {s[4], s[1], s[2], s[3]};
            default -> throw new IllegalArgumentException(name + " has shape " + Arrays.toString(s) + "; expected "
                    + "(N, H, W), (N, H, W, C), (N, D, H, W) or (N, D, H, W, C)");
        };
    }

    private static int labelColumns(NpyArray labels, NpyArray images, String split) {
        int[] s = labels.shape();
        if (s.length < 1 || s.length > 2 || s.length == 2 && s[1] < 1) {
            throw new IllegalArgumentException(split + "_labels has shape " + Arrays.toString(s)
                    + "; expected (N), (N, 1) or (N, K) for K labels");
        }
        if (s[0] != images.shape()[0]) {
            throw new IllegalArgumentException(split + "_labels has " + s[0] + " rows but " + split + "_images "
                    + images.shape()[0] + " images");
        }
        return s.length == 1 ? 1 : s[1];
    }

    /** The names given, or 0..K-1; K from the label columns (multi-label) or the largest class index + 1. */
    private List<String> classes(List<NpyArray> labels, int columns) {
        int count = columns;
        if (columns == 1) {
            count = 0;
            for (int s = 0; s < SPLITS.size(); s++) {
                NpyArray a = labels.get(s);
                for (long i = 0; i < a.size(); i++) {
                    count = Math.max(count, classIndex(a, i, SPLITS.get(s)) + 1);
                }
            }
        }
        List<String> given = settings.classes();
        if (given.isEmpty()) {
            List<String> numbered = new ArrayList<>();
            for (int k = 0; k < Math.max(count, 2); k++) {
                numbered.add(Integer.toString(k));
            }
            return numbered;
        }
        if (columns > 1 ? given.size() != count : given.size() < count) {
            throw new IllegalArgumentException("classes names " + given.size() + " class(es) " + given + " but the labels "
                    + (columns > 1 ? "have " + columns + " columns" : "use class indices up to " + (count - 1)));
        }
        return given;
    }

    private static int classIndex(NpyArray labels, long i, String split) {
        double v = labels.get(i);
        if (v < 0 || v != Math.rint(v) || v > 100_000) {
            throw new IllegalArgumentException(split + "_labels row " + i + " is " + v + "; expected a class index 0, 1, ...");
        }
        return (int) v;
    }

    private List<Sample> samples(String split, NpyArray images, NpyArray labels, Task task, int classes) {
        int[] shape = recordShape(images, split + "_images");
        int n = images.shape()[0];
        int voxels = shape[0] * shape[1] * shape[2] * shape[3];
        boolean channelsLast = images.rank() == 5 || images.rank() == 4 && shape[1] == 1;
        double scale = images.kind() == 'u' && images.itemSize() == 1 ? 255 : 1;
        List<Sample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] data = new float[voxels];
            int spatial = voxels / shape[0];
            for (int c = 0; c < shape[0]; c++) {
                for (int v = 0; v < spatial; v++) {
                    long at = (long) i * voxels + (channelsLast ? (long) v * shape[0] + c : v);
                    data[c * spatial + v] = (float) (images.get(at) / scale);
                }
            }
            Image image = settings.normalise().apply(new Image(data, shape[0], shape[1], shape[2], shape[3], null));
            int label = -1;
            float[] targets = null;
            if (task == Task.CLASSIFICATION) {
                label = classIndex(labels, i, split);
            } else {
                targets = targets(labels, i, split);
            }
            out.add(Sample.of(split + "-" + i, Map.of(MODALITY, image)).withLabel(label).withTargets(targets));
        }
        return out;
    }

    private static float[] targets(NpyArray labels, int i, String split) {
        int k = labels.shape()[1];
        float[] t = new float[k];
        for (int j = 0; j < k; j++) {
            double v = labels.get((long) i * k + j);
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException(split + "_labels row " + i + " column " + j + " is " + v
                        + "; multi-label columns hold 0 or 1");
            }
            t[j] = (float) v;
        }
        return t;
    }
}
