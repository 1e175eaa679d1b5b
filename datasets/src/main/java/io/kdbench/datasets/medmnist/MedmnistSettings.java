package io.kdbench.datasets.medmnist;

import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.datasets.partition.TrainingPartition;
import io.kdbench.datasets.transform.IntensityNormalisation;
import io.kdbench.io.InputFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/** The {@code medmnist} dataset's parameters, parsed and checked; cheap (the file is only checked to exist). */
record MedmnistSettings(Path file, List<String> classes, IntensityNormalisation normalise, int maxPerSplit,
                        TrainingPartition training) {

    static final List<String> CLIENTS = List.of("none", "iid", "dirichlet");

    static ParamSpec parameters() {
        return ParamSpec.of(
                Param.of("path", "", "the MedMNIST .npz, e.g. data/pathmnist_64.npz (or write medmnist:PATH)")
                        .described("a readable file"),
                Param.of("classes", List.of(), "class names in label order; [] names them 0, 1, ...")
                        .described("distinct, non-empty names"),
                Param.of("normalise", "none", "intensity normalisation per image and channel (uint8 is /255 first)")
                        .oneOf(IntensityNormalisation.NAMES.toArray(String[]::new)),
                Param.of("max_per_split", 0, "read only the first N images of each split; 0 reads all").atLeast(0))
                .and(TrainingPartition.parameters(CLIENTS));
    }

    static Map<String, Object> defaults() {
        return parameters().defaults();
    }

    static MedmnistSettings of(Params p) {
        parameters().check(p);
        String path = p.getString("path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path must name a MedMNIST .npz file, e.g. path: data/pathmnist_64.npz; got '"
                    + path + "'");
        }
        Path file = Path.of(path);
        String problem = InputFile.problem(file);
        if (problem != null) {
            throw new IllegalArgumentException("path: " + file.toAbsolutePath() + ": " + problem);
        }
        List<String> classes = new ArrayList<>();
        for (Object o : p.getList("classes")) {
            classes.add(String.valueOf(o).trim());
        }
        if (new HashSet<>(classes).size() != classes.size() || classes.contains("")) {
            throw new IllegalArgumentException("classes must be distinct, non-empty names; got " + classes);
        }
        return new MedmnistSettings(file, List.copyOf(classes), IntensityNormalisation.parse(p.getString("normalise")),
                p.getInt("max_per_split"), TrainingPartition.of(p, CLIENTS));
    }
}
