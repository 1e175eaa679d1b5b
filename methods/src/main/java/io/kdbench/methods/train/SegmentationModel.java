package io.kdbench.methods.train;

import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained segmentation network behind the harness's model interface: standardises each test image, runs
 * the student's inference logits in batches, and returns the arg-max label map with the sample's geometry and
 * spacing. Optionally holds one weight set per client (local-only training), chosen by {@link Sample#client()}.
 */
public final class SegmentationModel implements TrainedModel {
    private final SameDiff sd;
    private final String input;
    private final String logits;
    private final String modality;
    private final boolean threeD;
    private final int batchSize;
    private final long parameters;
    private final Map<String, Map<String, INDArray>> perClient;
    private final Map<String, INDArray> fallback;

    public SegmentationModel(SameDiff sd, String input, String logits, String modality, boolean threeD, int batchSize,
                             long parameters) {
        this(sd, input, logits, modality, threeD, batchSize, parameters, Map.of(), null);
    }

    /**
     * @param perClient weights to load for each client's samples
     * @param fallback  weights for samples of a client without its own (null: keep the graph's current weights)
     */
    public SegmentationModel(SameDiff sd, String input, String logits, String modality, boolean threeD, int batchSize,
                             long parameters, Map<String, Map<String, INDArray>> perClient, Map<String, INDArray> fallback) {
        this.sd = sd;
        this.input = input;
        this.logits = logits;
        this.modality = modality;
        this.threeD = threeD;
        this.batchSize = batchSize;
        this.parameters = parameters;
        this.perClient = Map.copyOf(perClient);
        this.fallback = fallback;
    }

    @Override
    public List<Prediction> predict(List<Sample> samples) {
        List<Prediction> out = new ArrayList<>(samples.size());
        for (int start = 0; start < samples.size(); start += batchSize) {
            List<Sample> part = samples.subList(start, Math.min(samples.size(), start + batchSize));
            // a batch may mix clients: run sample by sample when weights depend on the client
            if (!perClient.isEmpty()) {
                for (Sample s : part) {
                    Map<String, INDArray> w = perClient.getOrDefault(s.client(), fallback);
                    if (w != null) {
                        Weights.load(sd, w);
                    }
                    out.addAll(run(List.of(s)));
                }
            } else {
                out.addAll(run(part));
            }
        }
        return out;
    }

    /** Class probabilities [B][S][K] for images already standardised. */
    public float[][][] probabilities(List<Image> standardised) {
        INDArray x = SegmentationTensors.input(standardised, threeD);
        float[][][] probabilities = SegmentationTensors.probabilities(sd.output(Map.of(input, x), logits).get(logits));
        OffHeapMemory.bound();
        return probabilities;
    }

    private List<Prediction> run(List<Sample> part) {
        List<Image> images = part.stream().map(s -> SegmentationTensors.standardise(s.image(modality))).toList();
        float[][][] p = probabilities(images);
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            Image im = part.get(i).image(modality);
            // geometry and spacing from the image only: a method never reads a test mask
            out.add(new Prediction(part.get(i).id(), null,
                    SegmentationTensors.argmax(p[i], im.depth(), im.height(), im.width(), im.spacing()), null));
        }
        return out;
    }

    @Override
    public long parameterCount() {
        return parameters;
    }
}
