package io.kdbench.datasets.manifest;

import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Task;
import io.kdbench.datasets.partition.FederatedPartition;
import io.kdbench.datasets.partition.TrainingPartition;
import io.kdbench.datasets.transform.IntensityNormalisation;
import io.kdbench.io.InputFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The {@code manifest} dataset's parameters, parsed and checked (choices, ranges, the CSV exists and its
 * header has the columns the parameters name). Cheap: reads only the manifest's first line.
 */
public record ManifestSettings(Path manifest, Task task, List<String> classes, List<String> images,
                               Set<String> privileged, String text, List<String> tabular, int[] size,
                               double[] spacing, IntensityNormalisation normalise, boolean reorient,
                               double valFraction, double testFraction, TrainingPartition training) {

    /** Fixed column names (see docs/datasets.md). */
    public static final String ID = "id";
    public static final String MASK = "mask";
    public static final String LABEL = "label";
    public static final String SPLIT = "split";
    public static final String SITE = "site";
    public static final String SPACING = "spacing";

    /** Modality names for the non-image inputs, as in {@link io.kdbench.api.Modality}. */
    public static final String TEXT = "text";
    public static final String TABULAR = "tabular";

    /**
     * The default of {@code normalise}: {@code zscore} per volume for {@code segmentation-3d} (nnU-Net's scheme for MR
     * and other non-CT volumes: scanner units differ between scanners and sessions, so each volume is brought to mean
     * 0 and sd 1), {@code none} for the other tasks (pictures keep their values as stored).
     */
    public static final String AUTO = "auto";

    static final Map<String, Task> TASKS = Map.of(
            "classification", Task.CLASSIFICATION,
            "multilabel", Task.MULTILABEL_CLASSIFICATION,
            "segmentation-2d", Task.SEGMENTATION_2D,
            "segmentation-3d", Task.SEGMENTATION_3D);

    static final List<String> CLIENTS = List.of("none", "site", "iid", "dirichlet");

    public static ParamSpec parameters() {
        return ParamSpec.of(
                Param.of("path", "", "the manifest CSV; relative to the working directory").described("a readable file"),
                Param.of("task", "classification", "what the label columns hold").oneOf("classification", "multilabel",
                        "segmentation-2d", "segmentation-3d"),
                Param.of("classes", List.of(), "class names; segmentation: index 0 is background")
                        .described("distinct; >= 2 (multilabel: >= 1; segmentation: <= 256)"),
                Param.of("images", List.of("image"), "image columns, each a modality of that name; the first is the"
                        + " one masks match").described(">= 1 distinct column, not text or tabular"),
                Param.of("privileged", List.of(), "image columns, \"text\" or \"tabular\" present only at training"
                        + " time").described("named modalities; >= 1 image not privileged"),
                Param.of("text", "", "column holding free text (e.g. report), \"\" for none"),
                Param.of("tabular", List.of(), "numeric columns, in this order, as the tabular vector"),
                Param.of("size", List.of(), "target [height, width] or [depth, height, width]; [] keeps the size")
                        .described("[], or 2-3 whole numbers in 1..4096; not with spacing"),
                Param.of("spacing", List.of(), "target [y, x] or [z, y, x] spacing in mm; [] keeps it")
                        .described("[], or 2-3 numbers > 0; not with size"),
                Param.of("normalise", AUTO, "intensity normalisation per image and channel; auto: zscore for"
                        + " segmentation-3d (nnU-Net's scheme for MR), none otherwise")
                        .oneOf(Stream.concat(Stream.of(AUTO),
                                IntensityNormalisation.NAMES.stream()).toArray(String[]::new)),
                Param.of("reorient", true, "NIfTI: turn voxel axes to RAS+ using the header's sform/qform"),
                Param.of("val_fraction", 0.15, "share of rows with an empty split cell that go to validation")
                        .described(">= 0, val_fraction + test_fraction < 1"),
                Param.of("test_fraction", 0.15, "... and to test (the rest: train)")
                        .described(">= 0, val_fraction + test_fraction < 1"))
                .and(TrainingPartition.parameters(CLIENTS));
    }

    public static Map<String, Object> defaults() {
        return parameters().defaults();
    }

    /** Parses and checks; throws IllegalArgumentException naming the parameter (or ManifestException for the file). */
    public static ManifestSettings of(Params p) {
        parameters().check(p);
        String path = p.getString("path");
        require(!path.isBlank(), "path must name the manifest CSV, e.g. path: data/manifest.csv; got '" + path + "'");
        Path manifest = Path.of(path);
        String problem = InputFile.problem(manifest);
        require(problem == null, "path: " + manifest.toAbsolutePath() + ": " + problem);
        Task task = TASKS.get(p.getString("task"));
        List<String> classes = strings(p, "classes");
        require(classes.size() >= (task.isSegmentation() ? 2 : task == Task.MULTILABEL_CLASSIFICATION ? 1 : 2),
                "classes must list the class names (segmentation: background first), got " + classes);
        require(new HashSet<>(classes).size() == classes.size(), "classes lists a name twice: " + classes);
        require(!task.isSegmentation() || classes.size() <= 256, "segmentation supports at most 256 classes, got "
                + classes.size());
        List<String> images = strings(p, "images");
        require(!images.isEmpty(), "images must name at least one image column, got []");
        require(new HashSet<>(images).size() == images.size(), "images lists a column twice: " + images);
        String text = p.getString("text");
        List<String> tabular = strings(p, "tabular");
        Set<String> privileged = new HashSet<>(strings(p, "privileged"));
        for (String m : privileged) {
            require(images.contains(m) || (m.equals(TEXT) && !text.isEmpty()) || (m.equals(TABULAR) && !tabular.isEmpty()),
                    "privileged names '" + m + "', which is neither an image column in images nor text/tabular "
                            + "with a column given");
        }
        require(images.stream().anyMatch(m -> !privileged.contains(m)), "every image column is privileged ("
                + images + "); a model needs at least one test-time image");
        for (String m : images) {
            require(!m.equals(TEXT) && !m.equals(TABULAR), "images: '" + m + "' is reserved for the text and tabular modalities");
        }
        int[] size = positiveInts(p, "size");
        double[] spacing = positiveNumbers(p, "spacing");
        require(size.length == 0 || spacing.length == 0, "give size or spacing, not both; got size "
                + Arrays.toString(size) + " and spacing " + Arrays.toString(spacing));
        IntensityNormalisation normalise = normalisation(p.getString("normalise"), task);
        double val = p.getDouble("val_fraction");
        double test = p.getDouble("test_fraction");
        require(val >= 0 && test >= 0 && val + test < 1, "val_fraction and test_fraction must be >= 0 with a sum below 1,"
                + " got " + val + " and " + test);
        TrainingPartition training = TrainingPartition.of(p, CLIENTS);
        return new ManifestSettings(manifest, task, List.copyOf(classes), List.copyOf(images),
                Set.copyOf(privileged), text, List.copyOf(tabular), size, spacing, normalise,
                p.getBoolean("reorient"), val, test, training);
    }

    /**
     * {@code auto} resolved for the task (see {@link #AUTO}), else the named normalisation. Any other name was
     * already refused by the declared {@code oneOf} range in {@link #of}.
     */
    static IntensityNormalisation normalisation(String name, Task task) {
        if (name.equals(AUTO)) {
            return task == Task.SEGMENTATION_3D ? IntensityNormalisation.ZSCORE : IntensityNormalisation.NONE;
        }
        return IntensityNormalisation.parse(name);
    }

    /** The columns these settings read, checked against the manifest's header. */
    void checkHeader(List<String> header) {
        List<String> needed = new ArrayList<>(List.of(ID));
        needed.addAll(images);
        if (task.isSegmentation()) {
            needed.add(MASK);
        } else if (task == Task.MULTILABEL_CLASSIFICATION) {
            needed.addAll(classes);
        } else {
            needed.add(LABEL);
        }
        if (!text.isEmpty()) {
            needed.add(text);
        }
        needed.addAll(tabular);
        if (clients() == FederatedPartition.Mode.SITE) {
            needed.add(SITE);
        }
        List<String> missing = needed.stream().filter(c -> !header.contains(c)).distinct().toList();
        if (!missing.isEmpty()) {
            throw new ManifestException(manifest, "line 1: the header has no column " + String.join(", ", missing)
                    + " (it has " + String.join(", ", header) + ")");
        }
    }

    private static List<String> strings(Params p, String key) {
        List<String> out = new ArrayList<>();
        for (Object o : p.getList(key)) {
            String s = String.valueOf(o).trim();
            require(!s.isEmpty(), key + " holds an empty name");
            out.add(s);
        }
        return out;
    }

    private static int[] positiveInts(Params p, String key) {
        double[] v = positiveNumbers(p, key);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            require(v[i] == Math.rint(v[i]) && v[i] <= 4096, key + " values must be whole numbers in 1..4096, got " + v[i]);
            out[i] = (int) v[i];
        }
        return out;
    }

    private static double[] positiveNumbers(Params p, String key) {
        List<Object> list = p.getList(key);
        require(list.isEmpty() || list.size() == 2 || list.size() == 3,
                key + " must be [] or have 2 values (y, x) or 3 (z, y, x); got " + list);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(String.valueOf(list.get(i)).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " values must be numbers; got '" + list.get(i) + "'");
            }
            require(out[i] > 0 && Double.isFinite(out[i]), key + " values must be > 0; got " + list.get(i));
        }
        return out;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public FederatedPartition.Mode clients() {
        return training.clients();
    }

    /** Whether a modality name is present only at training time. */
    public boolean isPrivileged(String modality) {
        return privileged.contains(modality);
    }
}
