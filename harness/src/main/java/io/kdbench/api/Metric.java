package io.kdbench.api;

import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.List;

/**
 * A pure function of predictions and ground truth, found through {@link java.util.ServiceLoader}. Its id
 * names its convention where libraries disagree, e.g. {@code hd95[monai]}. Metrics know nothing of methods.
 */
public interface Metric extends Component {

    /** Whether this metric can score the dataset's task (e.g. AUROC needs classification). */
    boolean appliesTo(DatasetInfo dataset);

    /** Whether a larger value is better (Dice, AUROC); false for distances and errors. Reports rank by it. */
    default boolean higherIsBetter() {
        return true;
    }

    /**
     * Scores predictions against samples (same order, same ids).
     *
     * @throws IllegalArgumentException for predictions that cannot be scored (missing fields, NaN scores,
     *                                  shape mismatch), with a message naming the case and the problem
     */
    MetricResult evaluate(List<Sample> truth, List<Prediction> predictions, DatasetInfo dataset, EmptyPolicy policy);
}
