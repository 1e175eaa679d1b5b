package org.example.kd;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Support;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately small method: the mean image of each class (its centroid) over the labelled training samples;
 * a test image gets softmax(-distance / temperature) over the centroids. Pure Java, no network, deterministic.
 * It is a baseline to benchmark against, and an example of the whole plug-in contract.
 */
public final class NearestCentroid implements DistillationMethod {

    @Override
    public String id() {
        return "nearest-centroid";
    }

    @Override
    public String summary() {
        return "example plug-in: nearest class centroid of the first image modality (softmax over -distance)";
    }

    @Override
    public ParamSpec parameters() {
        return ParamSpec.of(Param.of("temperature", 1.0, "softmax temperature over negative distances to the class"
                + " centroids").positive());
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        if (dataset.task() != Task.CLASSIFICATION) {
            return Support.no("nearest-centroid scores single-label classification only, not " + dataset.task());
        }
        if (dataset.imageModalities(false).isEmpty()) {
            return Support.no("nearest-centroid needs a non-privileged image modality");
        }
        return Support.yes();
    }

    @Override
    public TrainedModel train(TrainContext context) {
        String modality = context.dataset().imageModalities(false).get(0).name();
        int k = context.dataset().numClasses();
        double temperature = context.params().getDouble("temperature");
        List<Sample> train = context.splits().labelledTrain();
        int size = train.get(0).image(modality).data().length;
        double[][] centroids = new double[k][size];
        int[] counts = new int[k];
        for (Sample s : train) {
            float[] x = s.image(modality).data();
            for (int i = 0; i < size; i++) {
                centroids[s.label()][i] += x[i];
            }
            counts[s.label()]++;
        }
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < size; i++) {
                centroids[c][i] /= Math.max(1, counts[c]);
            }
        }
        // one "epoch": the mean distance of training images to their own centroid, as the training curve
        double loss = 0;
        for (Sample s : train) {
            loss += distance(s.image(modality), centroids[s.label()]);
        }
        context.log().record("loss", 0, loss / train.size());
        return new Model(modality, centroids, temperature);
    }

    private static double distance(Image image, double[] centroid) {
        float[] x = image.data();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - centroid[i];
            sum += d * d;
        }
        return Math.sqrt(sum / x.length);
    }

    private record Model(String modality, double[][] centroids, double temperature) implements TrainedModel {
        @Override
        public List<Prediction> predict(List<Sample> samples) {
            List<Prediction> out = new ArrayList<>();
            for (Sample s : samples) {
                double[] logits = new double[centroids.length];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < centroids.length; c++) {
                    logits[c] = -distance(s.image(modality), centroids[c]) / temperature;
                    max = Math.max(max, logits[c]);
                }
                double sum = 0;
                for (int c = 0; c < logits.length; c++) {
                    logits[c] = Math.exp(logits[c] - max);
                    sum += logits[c];
                }
                for (int c = 0; c < logits.length; c++) {
                    logits[c] /= sum;
                }
                out.add(new Prediction(s.id(), logits, null, null));
            }
            return out;
        }

        @Override
        public long parameterCount() {
            return (long) centroids.length * centroids[0].length;
        }
    }
}
