package io.kdbench.methods.mmpkd.teachers;

import io.kdbench.data.Sample;

import java.util.List;

/** A teacher that reads only a privileged modality (report text or tabular metadata) of a sample. */
public interface PrivilegedTeacher {

    /** Class probabilities per sample (softmax rows, or independent sigmoids for multi-label), softened at T. */
    float[][] probabilities(List<Sample> samples, double temperature);

    /** Learned parameters (for the forest: tree nodes). */
    long parameterCount();

    /** "text" or "forest". */
    String kind();
}
