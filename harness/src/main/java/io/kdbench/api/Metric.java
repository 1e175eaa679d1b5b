package io.kdbench.api;

import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.stats.Bounds;

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
     * The values the metric can take, e.g. {@link Bounds#UNIT} for Dice and AUROC, {@link Bounds#NON_NEGATIVE} for
     * distances. Reports keep intervals and axes inside them. Unbounded unless a metric says otherwise.
     */
    default Bounds bounds() {
        return Bounds.NONE;
    }

    /** The unit of the values for axes and columns, e.g. "mm" for distances; empty for a ratio or score. */
    default String unit() {
        return "";
    }

    /**
     * Scores predictions against samples (same order, same ids).
     *
     * @throws IllegalArgumentException for predictions that cannot be scored (missing fields, NaN scores,
     *                                  shape mismatch), with a message naming the case and the problem
     */
    MetricResult evaluate(List<Sample> truth, List<Prediction> predictions, DatasetInfo dataset, EmptyPolicy policy);
}
