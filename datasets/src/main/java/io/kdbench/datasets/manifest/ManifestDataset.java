package io.kdbench.datasets.manifest;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.data.Splits;
import io.kdbench.datasets.partition.FederatedPartition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real data named by a manifest CSV (format in docs/datasets.md). {@link #validate} reads and checks the
 * whole manifest and every file it names, so bad data stops the experiment at load time, before anything
 * is stored; the cases it read are kept ({@link ManifestCache}) for {@link #splits}, which only partitions.
 */
public final class ManifestDataset implements BenchmarkDataset {

    @Override
    public String id() {
        return "manifest";
    }

    @Override
    public String summary() {
        return "your own data: a CSV manifest of PNG/JPEG/NIfTI images, masks, labels, tabular columns, reports";
    }

    @Override
    public String describe() {
        return summary() + ". Columns id, image columns (param images), mask, label (or one 0/1 column per class), "
                + "tabular columns, a text column, split, site, spacing; see docs/datasets.md for the format and "
                + "which columns to fill for MIMIC-CXR + MS-CXR, CBIS-DDSM, OAI, PSFH/FUGC, NYUv2 and Derm7pt.";
    }

    @Override
    public ParamSpec parameters() {
        return ManifestSettings.parameters();
    }

    /**
     * Cheap checks first (parameters, header), then every row and file, then a trial partition (whether a split
     * comes out empty does not depend on the seed: the part sizes are exact): ManifestException on bad data.
     */
    @Override
    public void validate(Params params) {
        splits(params, 0);
    }

    @Override
    public DatasetInfo info(Params params) {
        ManifestSettings s = ManifestSettings.of(params);
        List<Modality> modalities = new ArrayList<>();
        for (String m : s.images()) {
            modalities.add(new Modality(m, Modality.Kind.IMAGE, s.isPrivileged(m)));
        }
        if (!s.text().isEmpty()) {
            modalities.add(new Modality(ManifestSettings.TEXT, Modality.Kind.TEXT, s.isPrivileged(ManifestSettings.TEXT)));
        }
        if (!s.tabular().isEmpty()) {
            modalities.add(new Modality(ManifestSettings.TABULAR, Modality.Kind.TABULAR,
                    s.isPrivileged(ManifestSettings.TABULAR)));
        }
        // real segmentation masks: a structure in a whole image or volume, so the rows' Dice leaves out the background
        return new DatasetInfo(id(), s.task(), s.classes(), modalities, s.clients() != FederatedPartition.Mode.NONE,
                s.task().isSegmentation());
    }

    /** The manifest itself; the image files it names are not hashed (there may be thousands). */
    @Override
    public List<Path> dataFiles(Params params) {
        return List.of(ManifestSettings.of(params).manifest());
    }

    @Override
    public Splits splits(Params params, long seed) {
        return new ManifestPartition(ManifestSettings.of(params)).split(ManifestCache.cases(params), seed);
    }
}
