package io.kdbench.datasets.manifest;

import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.io.ImageFiles;
import io.kdbench.io.InputFile;
import io.kdbench.io.NiftiFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the image and mask files a manifest row names, by extension, through the harness readers: PNG and
 * JPEG (8- or 16-bit, spacing from the row's spacing cell) and NIfTI-1 {@code .nii} / {@code .nii.gz}
 * (spacing from the header; with {@code reorient}, axes turned to RAS+ from the header's sform or qform).
 * Problems come out as IllegalArgumentException with what is wrong and the resolved path; the caller adds
 * the row and column.
 */
final class CaseFileReader {
    private final Path base;
    private final boolean reorient;

    /** @param base the folder relative paths are resolved against (the manifest's) */
    CaseFileReader(Path base, boolean reorient) {
        this.base = base;
        this.reorient = reorient;
    }

    /** @param spacing the row's spacing (z, y, x), or null */
    Image image(String cell, double[] spacing) {
        return reading(resolve(cell), file -> {
            if (isNifti(file)) {
                NiftiFile f = NiftiFile.read(file);
                checkAgrees(spacing, f.spacing());
                Image image = f.toImage();
                return reorient ? new RasOrientation(f.direction()).apply(image) : image;
            }
            requirePicture(file);
            Image image = ImageFiles.readImage(file);
            return spacing == null ? image
                    : new Image(image.data(), image.channels(), 1, image.height(), image.width(), spacing);
        });
    }

    LabelMap mask(String cell, double[] spacing) {
        return reading(resolve(cell), file -> {
            if (isNifti(file)) {
                NiftiFile f = NiftiFile.read(file);
                checkAgrees(spacing, f.spacing());
                LabelMap map = f.toLabelMap();
                return reorient ? new RasOrientation(f.direction()).apply(map) : map;
            }
            LabelMap map = ImageFiles.readLabelMap(file);
            return spacing == null ? map : new LabelMap(map.labels(), 1, map.height(), map.width(), spacing);
        });
    }

    /** Reads one file of a row. */
    private interface FileRead<T> {
        T from(Path file) throws IOException;
    }

    /** The read's result, or an IllegalArgumentException that names the file and what went wrong. */
    private static <T> T reading(Path file, FileRead<T> read) {
        try {
            return read.from(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        } catch (RuntimeException e) { // a decoder tripping over a corrupt file
            throw new IllegalArgumentException(file + ": cannot decode (" + e + ")");
        }
    }

    private Path resolve(String cell) {
        Path file = base.resolve(cell);
        String problem = InputFile.problem(file);
        if (problem != null) {
            throw new IllegalArgumentException(file + ": " + problem);
        }
        return file;
    }

    private static boolean isNifti(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nii") || name.endsWith(".nii.gz");
    }

    private static void requirePicture(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"))) {
            throw new IllegalArgumentException("unknown image format; use .png, .jpg, .jpeg, .nii or .nii.gz");
        }
    }

    /** A spacing cell on a NIfTI row must say what the header says (a disagreement means one of them is wrong). */
    private static void checkAgrees(double[] cell, double[] header) {
        if (cell == null) {
            return;
        }
        for (int a = 0; a < 3; a++) {
            if (Math.abs(cell[a] - header[a]) > 1e-3 * Math.max(cell[a], header[a])) {
                throw new IllegalArgumentException("the spacing cell says " + Arrays.toString(cell)
                        + " (z, y, x) but the header says " + Arrays.toString(header));
            }
        }
    }
}
