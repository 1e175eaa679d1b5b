package io.kdbench.methods.train;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Task;
import io.kdbench.data.Sample;

import java.util.List;

/** Training targets as rows: one-hot for single-label classification, the 0/1 vector for multi-label. */
public final class Targets {
    private Targets() {
    }

    public static float[][] of(List<Sample> samples, DatasetInfo info) {
        int k = info.numClasses();
        float[][] out = new float[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            if (info.task() == Task.MULTILABEL_CLASSIFICATION) {
                if (s.targets() == null || s.targets().length != k) {
                    throw new IllegalArgumentException("sample " + s.id() + " needs a target vector of length " + k);
                }
                out[i] = s.targets().clone();
            } else {
                if (s.label() < 0 || s.label() >= k) {
                    throw new IllegalArgumentException("sample " + s.id() + " has label " + s.label()
                            + ", expected 0.." + (k - 1));
                }
                out[i] = new float[k];
                out[i][s.label()] = 1;
            }
        }
        return out;
    }
}
