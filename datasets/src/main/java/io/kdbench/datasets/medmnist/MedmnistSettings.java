package io.kdbench.datasets.medmnist;

import io.kdbench.api.Params;
import io.kdbench.datasets.partition.TrainingPartition;
import io.kdbench.datasets.transform.IntensityNormalisation;
import io.kdbench.io.InputFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code medmnist} dataset's parameters, parsed and checked; cheap (the file is only checked to exist). */
record MedmnistSettings(Path file, List<String> classes, IntensityNormalisation normalise, int maxPerSplit,
                        TrainingPartition training) {

    static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("path", "");               // the MedMNIST .npz, e.g. data/pathmnist_64.npz (or write medmnist:PATH)
        d.put("classes", List.of());     // class names in label order; [] names them 0, 1, ...
        d.put("normalise", "none");      // none, minmax, zscore, percentile, per image and channel (uint8 is /255 first)
        d.put("max_per_split", 0);       // read only the first N images of each split; 0 reads all
        d.put("labelled_fraction", 1.0); // share of training images that keep their labels
        d.put("clients", "none");        // none, iid, dirichlet
        d.put("n_clients", 4);           // clients for iid and dirichlet
        d.put("alpha", 0.5);             // Dirichlet concentration (small = strong label skew)
        return d;
    }

    static MedmnistSettings of(Params p) {
        String path = p.getString("path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path must name a MedMNIST .npz file, e.g. path: data/pathmnist_64.npz");
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
        int max = p.getInt("max_per_split");
        if (max < 0) {
            throw new IllegalArgumentException("max_per_split must be >= 0 (0 reads all), got " + max);
        }
        return new MedmnistSettings(file, List.copyOf(classes), IntensityNormalisation.parse(p.getString("normalise")),
                max, TrainingPartition.of(p, List.of("none", "iid", "dirichlet")));
    }
}
