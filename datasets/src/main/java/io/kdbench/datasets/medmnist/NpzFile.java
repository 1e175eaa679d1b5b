package io.kdbench.datasets.medmnist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A NumPy {@code .npz} archive: a zip (stored or deflated, as {@code np.savez} and {@code np.savez_compressed}
 * write it) of {@code NAME.npy} members. Problems are IllegalArgumentExceptions naming the member.
 */
final class NpzFile implements AutoCloseable {
    private final ZipFile zip;

    NpzFile(Path file) throws IOException {
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IllegalArgumentException("not a .npz file (a zip archive of .npy arrays): " + e.getMessage());
        }
    }

    /** The member {@code name.npy}, at most {@code maxRecords} along its first axis. */
    NpyArray array(String name, long maxRecords) throws IOException {
        ZipEntry entry = zip.getEntry(name + ".npy");
        if (entry == null) {
            throw new IllegalArgumentException("has no array '" + name + "' (it has: " + String.join(", ", names())
                    + "); a MedMNIST file has train_images, train_labels, val_images, val_labels, test_images, test_labels");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return NpyReader.read(in, maxRecords);
        } catch (ZipException e) {
            throw new IllegalArgumentException("array '" + name + "': corrupt zip member (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("array '" + name + "': " + e.getMessage());
        }
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            names.add(e.getName().replaceFirst("\\.npy$", ""));
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
