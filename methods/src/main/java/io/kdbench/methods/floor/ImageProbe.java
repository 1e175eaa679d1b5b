package io.kdbench.methods.floor;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.api.Task;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The linear probe for classification: logistic regression on the standardised grid features of the test-time
 * images. Single-label: one multinomial model over the classes. Multi-label: one binary model per label, whose
 * positive-class probability is that label's prediction.
 */
final class ImageProbe implements TrainedModel {
    private final DatasetInfo dataset;
    private final List<String> modalities;
    private final int[] channels;
    private final int grid;
    private final Standardiser standardiser;
    private final List<TribuoLogistic> models;

    private ImageProbe(DatasetInfo dataset, List<String> modalities, int[] channels, int grid,
                       Standardiser standardiser, List<TribuoLogistic> models) {
        this.dataset = dataset;
        this.modalities = modalities;
        this.channels = channels;
        this.grid = grid;
        this.standardiser = standardiser;
        this.models = models;
    }

    static ImageProbe fit(DatasetInfo dataset, List<Sample> train, Params p, long seed) {
        List<String> modalities = LinearProbe.testTimeImages(dataset);
        int grid = p.getInt("grid");
        int[] channels = modalities.stream().mapToInt(m -> train.get(0).image(m).channels()).toArray();
        List<double[]> raw = new ArrayList<>(train.size());
        for (Sample s : train) {
            raw.add(GridFeatures.of(s, modalities, channels, grid));
        }
        Standardiser standardiser = Standardiser.fit(raw);
        List<double[]> x = raw.stream().map(standardiser::apply).toList();
        List<TribuoLogistic> models = new ArrayList<>();
        if (dataset.task() == Task.MULTILABEL_CLASSIFICATION) {
            for (int k = 0; k < dataset.numClasses(); k++) {
                int[] y = new int[train.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = train.get(i).targets()[k] > 0.5f ? 1 : 0;
                }
                models.add(TribuoLogistic.fit(x, y, p, Seeds.stream(LinearProbe.ID, seed, k)));
            }
        } else {
            int[] y = train.stream().mapToInt(Sample::label).toArray();
            models.add(TribuoLogistic.fit(x, y, p, Seeds.stream(LinearProbe.ID, seed)));
        }
        return new ImageProbe(dataset, modalities, channels, grid, standardiser, models);
    }

    @Override
    public List<Prediction> predict(List<Sample> samples) {
        List<Prediction> out = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            double[] x = standardiser.apply(GridFeatures.of(s, modalities, channels, grid));
            out.add(new Prediction(s.id(), probabilities(x), null, null));
        }
        return out;
    }

    private double[] probabilities(double[] x) {
        if (dataset.task() != Task.MULTILABEL_CLASSIFICATION) {
            return models.get(0).probabilities(x, dataset.numClasses());
        }
        double[] p = new double[dataset.numClasses()];
        for (int k = 0; k < p.length; k++) {
            p[k] = models.get(k).probabilities(x, 2)[1];
        }
        return p;
    }

    @Override
    public long parameterCount() {
        return models.stream().mapToLong(TribuoLogistic::parameterCount).sum();
    }
}
