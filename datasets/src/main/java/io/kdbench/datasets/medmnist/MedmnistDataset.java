package io.kdbench.datasets.medmnist;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.data.Splits;
import io.kdbench.datasets.cache.LastRead;
import io.kdbench.datasets.partition.FederatedPartition;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A MedMNIST v2 file as its authors publish it ({@code .npz}, read by {@link MedmnistReader}); kdbench downloads
 * nothing. The official train / val / test splits are kept; clients and the labelled fraction are applied to train
 * as for manifests. {@link #validate} reads the whole file, so a malformed one stops the experiment at load time.
 */
public final class MedmnistDataset implements BenchmarkDataset {
    static final String SEED_ID = "medmnist";
    private static final LastRead<MedmnistReader.Data> LAST = new LastRead<>(Set.of("labelled_fraction", "clients",
            "n_clients", "alpha"));

    @Override
    public String id() {
        return "medmnist";
    }

    @Override
    public String summary() {
        return "a MedMNIST v2 .npz file (2-D or 3-D, gray or RGB, single-, multi-label or ordinal), official splits";
    }

    @Override
    public String describe() {
        return summary() + ". Give the file as path (or write the dataset as medmnist:PATH); get the files from "
                + "medmnist.com or the MedMNIST v2 Zenodo record, kdbench downloads nothing.";
    }

    @Override
    public ParamSpec parameters() {
        return MedmnistSettings.parameters();
    }

    @Override
    public void validate(Params params) {
        splits(params, 0);
    }

    @Override
    public DatasetInfo info(Params params) {
        MedmnistSettings s = MedmnistSettings.of(params);
        MedmnistReader.Data data = data(params, s);
        return new DatasetInfo(id(), data.task(), data.classes(),
                List.of(new Modality(MedmnistReader.MODALITY, Modality.Kind.IMAGE, false)),
                s.training().clients() != FederatedPartition.Mode.NONE);
    }

    @Override
    public Splits splits(Params params, long seed) {
        MedmnistSettings s = MedmnistSettings.of(params);
        MedmnistReader.Data data = data(params, s);
        return new Splits(s.training().apply(data.train(), SEED_ID, seed), data.val(), data.test(), List.of());
    }

    @Override
    public List<Path> dataFiles(Params params) {
        return List.of(MedmnistSettings.of(params).file());
    }

    private static MedmnistReader.Data data(Params params, MedmnistSettings s) {
        return LAST.get(params, s.file(), () -> new MedmnistReader(s).read());
    }
}
