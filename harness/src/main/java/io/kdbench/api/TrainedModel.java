package io.kdbench.api;

import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;

import java.util.List;

/** A trained, deployable model. */
public interface TrainedModel {

    /** One prediction per sample, in order, from the samples' non-privileged inputs. */
    List<Prediction> predict(List<Sample> samples);

    /** Parameters of the deployed model (the student; teachers and training-only branches excluded). */
    long parameterCount();

    /** True for upper-bound rows that read privileged inputs at test time; the report marks them. */
    default boolean usesPrivilegedAtTest() {
        return false;
    }
}
